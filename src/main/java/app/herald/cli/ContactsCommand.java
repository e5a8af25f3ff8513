package app.herald.cli;

import app.herald.contacts.Contact;
import app.herald.contacts.ContactQuery;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.PlainText;
import app.herald.contacts.RecipientList;
import app.herald.core.HeraldCore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "contacts", mixinStandardHelpOptions = true,
        description = {"The contacts of a list, or those a search finds.",
            "It searches as the Lists screen does: a number by its digits from any position (0151 234, 415 555),"
                + " a name by any part."})
final class ContactsCommand implements Callable<Integer> {

    /** Rows read from the database at a time. */
    private static final int PAGE = 1_000;

    @ParentCommand
    private HeraldCommand herald;

    @Spec
    private CommandSpec spec;

    @Option(names = "--list", required = true, paramLabel = "NAME", description = "The list.")
    private String listName;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only the contacts whose number or name holds this.")
    private String search;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most this many (default: ${DEFAULT-VALUE}; 0 for all).")
    private int limit;

    @Option(names = "--json", description = "Print a JSON array of {e164, name, firstName, lastName, fields, optedOut}.")
    private boolean json;

    /** A contact as --json prints it. */
    record Row(String e164, String name, String firstName, String lastName, Map<String, String> fields, boolean optedOut) {
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit is a number of contacts: 0 or more, not " + limit + ".");
        }
        List<Contact> found = new ArrayList<>();
        try (HeraldCore core = herald.openCore()) {
            RecipientList list = core.lists().find(listName)
                    .orElseThrow(() -> new IllegalArgumentException("There is no list called \"" + listName + "\"."));
            ContactQuery query = new ContactQuery(list.id(), search);
            long wanted = limit == 0 ? Long.MAX_VALUE : limit;
            long lastId = 0;
            while (found.size() < wanted) {
                List<Contact> page = core.contacts().after(query, lastId, (int) Math.min(PAGE, wanted - found.size()));
                if (page.isEmpty()) {
                    break;
                }
                found.addAll(page);
                lastId = page.get(page.size() - 1).id();
            }
        }
        print(found);
        return 0;
    }

    private void print(List<Contact> found) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(found.stream().map(contact -> new Row(contact.e164(), contact.name(),
                    contact.fields().firstName(), contact.fields().lastName(), contact.fields().extra(), contact.optedOut()))
                    .toList()));
        } else if (found.isEmpty()) {
            out.println(search == null || search.isBlank() ? "The list is empty." : "Nothing in the list matches \"" + search + "\".");
        } else {
            found.forEach(contact -> out.printf("%-18s  %s%s%n", PhoneNumbers.forPeople(contact.e164()), contact.name() == null ? "" : PlainText.visible(contact.name()),
                    contact.optedOut() ? "  (opted out)" : ""));
            if (limit > 0 && found.size() == limit) {
                out.printf("(the first %,d; --limit 0 shows all)%n", limit);
            }
        }
    }
}

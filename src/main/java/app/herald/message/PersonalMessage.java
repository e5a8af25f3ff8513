package app.herald.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message with fields in it, "Hi {first_name|there}, your appointment is {appointment}.", and
 * each recipient's text made from it: a field is replaced by that person's value, or by its
 * fallback when they have none (by nothing when it has no fallback). Braces around anything that
 * is not a field name ("{:-)}", "{ }") are text like any other.
 */
public final class PersonalMessage {

    /** {name} or {name|fallback}; a name is a letter and then letters, digits or underscores, in any case. */
    private static final Pattern FIELD = Pattern.compile("\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?:\\|([^{}]*))?}");

    /** A part of the message: text as it is, or a field to fill. */
    private record Part(String text, String field, String fallback) {
    }

    private final String template;
    private final List<Part> parts;
    private final Set<String> fields;

    private PersonalMessage(String template, List<Part> parts, Set<String> fields) {
        this.template = template;
        this.parts = parts;
        this.fields = fields;
    }

    public static PersonalMessage of(String template) {
        List<Part> parts = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        Matcher matcher = FIELD.matcher(template);
        int from = 0;
        while (matcher.find()) {
            if (matcher.start() > from) {
                parts.add(new Part(template.substring(from, matcher.start()), null, null));
            }
            String field = matcher.group(1).toLowerCase(Locale.ROOT);
            fields.add(field);
            parts.add(new Part(null, field, matcher.group(2) == null ? "" : matcher.group(2)));
            from = matcher.end();
        }
        if (from < template.length()) {
            parts.add(new Part(template.substring(from), null, null));
        }
        return new PersonalMessage(template, List.copyOf(parts), Collections.unmodifiableSet(fields));
    }

    /** True when the message names a field: each recipient gets a text of their own. */
    public boolean isPersonal() {
        return !fields.isEmpty();
    }

    /** The fields named, lower-cased, in the order they first come. */
    public Set<String> fields() {
        return fields;
    }

    /** The fields named that are not among these, in the order they come. */
    public List<String> unknownFields(Collection<String> known) {
        return fields.stream().filter(field -> !known.contains(field)).toList();
    }

    /** @param valueOf a field's value for the recipient, "" or null when they have none */
    public String textFor(UnaryOperator<String> valueOf) {
        StringBuilder text = new StringBuilder(template.length() + 16);
        for (Part part : parts) {
            if (part.field() == null) {
                text.append(part.text());
                continue;
            }
            String value = valueOf.apply(part.field());
            text.append(value == null || value.isBlank() ? part.fallback() : value);
        }
        return text.toString();
    }

    public String template() {
        return template;
    }
}

package app.herald.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/** What other desktops call this one ("being sent by RECEPTION-2"): chosen by HERALD_COMPUTER_NAME, else the system's name for it. */
final class ComputerName {

    private ComputerName() {
    }

    static String of(Map<String, String> environment) {
        for (String variable : new String[] {"HERALD_COMPUTER_NAME", "COMPUTERNAME", "HOSTNAME"}) {
            String name = environment.getOrDefault(variable, "").strip();
            if (!name.isEmpty()) {
                return name;
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "another computer";
        }
    }
}

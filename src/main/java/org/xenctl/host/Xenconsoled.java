package org.xenctl.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the dom0's xenconsoled keeps guest console logs, read from its command line in /proc: whether it logs guest
 * consoles (--log=guest or all), whether it stamps them with the time (--timestamp=guest or all: only then does it
 * write the "Logfile Opened" line that marks where a domain's console began), and where (--log-dir). Its options
 * are read as its getopt_long reads them: "--opt=value" or "--opt value", unique abbreviations, "-t value".
 *
 * @param logDir           the directory of guest-NAME.log files, inside the dom0
 * @param logsGuests       whether it writes them at all
 * @param stampsGuestLogs  whether their lines carry times and a domain's start is marked
 */
public record Xenconsoled(String logDir, boolean logsGuests, boolean stampsGuestLogs) {
    /** xenconsoled's default, XEN_LOG_DIR "/console" as Debian's and Xen's own builds set it. */
    static final String DEFAULT_LOG_DIR = "/var/log/xen/console";

    private static final List<String> LONG_WITH_VALUE = List.of("log", "log-dir", "pid-file", "timestamp",
            "overflow-data");
    private static final List<String> LONG_FLAGS = List.of("help", "version", "verbose", "interactive",
            "replace-escape");

    /** The xenconsoled running in the dom0 under {@code root}, if one is. */
    public static Optional<Xenconsoled> running(Path root) {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(root.resolve("proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (isXenconsoled(process)) {
                    Optional<List<String>> argv = argv(process);
                    if (argv.isPresent()) {
                        return Optional.of(fromArguments(argv.get()));
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The settings the arguments give (argv[0] first, as in /proc/PID/cmdline). */
    public static Xenconsoled fromArguments(List<String> argv) {
        String logDir = DEFAULT_LOG_DIR;
        boolean logsGuests = false;
        boolean stamps = false;
        for (int i = 1; i < argv.size(); i++) {
            String argument = argv.get(i);
            if (argument.equals("--")) {
                break;
            }
            String option;
            String value = null;
            if (argument.startsWith("--")) {
                String body = argument.substring(2);
                int equals = body.indexOf('=');
                option = longOption(equals < 0 ? body : body.substring(0, equals));
                if (equals >= 0) {
                    value = body.substring(equals + 1);
                } else if (option != null && LONG_WITH_VALUE.contains(option) && i + 1 < argv.size()) {
                    value = argv.get(++i);
                }
            } else if (argument.startsWith("-") && argument.length() > 1) {
                option = null;
                for (int c = 1; c < argument.length(); c++) {
                    char letter = argument.charAt(c);
                    if (letter == 't' || letter == 'o') {
                        option = letter == 't' ? "timestamp" : "overflow-data";
                        value = c + 1 < argument.length() ? argument.substring(c + 1)
                                : i + 1 < argv.size() ? argv.get(++i) : null;
                        break;
                    }
                }
            } else {
                continue;  // an operand: getopt_long moves it aside
            }
            if (option == null || value == null) {
                continue;
            }
            switch (option) {
                case "log" -> logsGuests |= value.equals("guest") || value.equals("all");
                case "log-dir" -> logDir = value;
                case "timestamp" -> {
                    if (value.equals("guest") || value.equals("all")) {
                        stamps = true;
                    } else if (value.equals("none")) {
                        stamps = false;
                    }
                }
                default -> {
                }
            }
        }
        return new Xenconsoled(logDir, logsGuests, stamps);
    }

    /** The log file xenconsoled writes for the domain called {@code name}: guest-NAME.log, as a dom0 path. */
    public String logOf(String name) {
        return (logDir.endsWith("/") ? logDir : logDir + "/") + "guest-" + name + ".log";
    }

    /** getopt_long's matching: the exact name, or the one long option it abbreviates (null when none or several). */
    private static String longOption(String given) {
        List<String> matches = new ArrayList<>();
        for (String name : concat(LONG_WITH_VALUE, LONG_FLAGS)) {
            if (name.equals(given)) {
                return name;
            }
            if (!given.isEmpty() && name.startsWith(given)) {
                matches.add(name);
            }
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean isXenconsoled(Path process) {
        try {
            return Files.readString(process.resolve("comm"), StandardCharsets.UTF_8).strip().equals("xenconsoled");
        } catch (IOException | RuntimeException e) {
            return false;  // gone meanwhile, or not ours to read
        }
    }

    private static Optional<List<String>> argv(Path process) {
        try {
            String cmdline = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8);
            List<String> words = new ArrayList<>(List.of(cmdline.split("\0", -1)));
            if (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) {
                words.remove(words.size() - 1);
            }
            return words.isEmpty() ? Optional.empty() : Optional.of(words);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

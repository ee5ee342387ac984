package org.xenctl.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.xenctl.domain.EditDistance;
import org.xenctl.domain.ErrorCode;
import org.xenctl.domain.XenctlException;
import org.xenctl.xlcfg.PastedCharacters;

/**
 * xenctl.conf(5): the defaults of the global options, one {@code key = value} per line as in xl.conf, the value a
 * double-quoted string or a whole number, {@code #} starting a comment outside quotes.
 *
 * <p>An unknown key is a warning (a newer file read by an older xenctl must still work); a line that does not parse,
 * or a known key with a value it cannot take, stops every command with exit 5: guessing what was meant could send
 * a command to another host than the one the administrator configured.
 *
 * @param uriDefault the libvirt URI when -c and the environment give none
 * @param output the default of -o, "text" or "json"
 * @param connectTimeout how long opening a connection may take
 * @param hostGroups {@code hosts.NAME = [ "URI", … ]}: the URIs -H NAME reaches, by name in the file's order
 * @param warnings "FILE:LINE: …" for each line that was ignored
 */
public record XenctlConf(Path file, Optional<String> uriDefault, Optional<String> output,
                         Optional<Duration> connectTimeout, Map<String, List<String>> hostGroups,
                         List<String> warnings) {
    public static final Path DEFAULT_FILE = Path.of("/etc/xenctl/xenctl.conf");
    /** The keys this version knows, in the order xenctl.conf(5) documents them. */
    public static final List<String> KEYS = List.of("uri_default", "output", "connect_timeout", "hosts.NAME");
    private static final String HOSTS = "hosts.";
    /** Larger than anyone waits for a connection, small enough that a Duration never overflows. */
    public static final long MAX_SECONDS = 86_400;
    /** A configuration file is a few lines; anything this large is not one (and must not fill the memory). */
    private static final int MAX_BYTES = 64 * 1024;

    public XenctlConf {
        hostGroups = Collections.unmodifiableMap(new LinkedHashMap<>(hostGroups));
        warnings = List.copyOf(warnings);
    }

    /** No file: every option at its built-in default. */
    public static XenctlConf none(Path file) {
        return new XenctlConf(file, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of());
    }

    /**
     * Reads {@code file}. A missing file is no configuration, unless {@code named} (XENCTL_CONFIG named it): then it
     * is a warning, since the administrator meant a file to be read.
     */
    public static XenctlConf read(Path file, boolean named) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw invalid(file, 0, "is larger than 64 KiB: not a xenctl configuration file");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return parse(file, text.lines().toList());
        } catch (NoSuchFileException e) {
            return named ? new XenctlConf(file, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                    List.of(file + ": no such file (named by XENCTL_CONFIG); using the built-in defaults"))
                    : none(file);
        } catch (CharacterCodingException e) {
            throw invalid(file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, "cannot read " + file + ": " + e.getMessage(),
                    "fix its permissions, or run with XENCTL_CONFIG=/dev/null to ignore it");
        }
    }

    /** The settings in {@code lines}, read from {@code file} (named in messages). */
    public static XenctlConf parse(Path file, List<String> lines) {
        Settings settings = new Settings(file);
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            String line = withoutComment(file, i + 1, lines.get(i));
            // A list may go on over the next lines until its ], as in xl.cfg.
            while (Settings.opensList(line) && i + 1 < lines.size()) {
                i++;
                line = line + " " + withoutComment(file, i + 1, lines.get(i));
            }
            settings.line(first + 1, line);
        }
        return new XenctlConf(file, Optional.ofNullable(settings.uriDefault), Optional.ofNullable(settings.output),
                Optional.ofNullable(settings.connectTimeout), settings.hostGroups, settings.warnings);
    }

    /**
     * The line without its comment; a character pasted with it from a web page (a no-break space, a typographic
     * quote…) is named where it stands, since quoting the line would show nothing wrong.
     */
    private static String withoutComment(Path file, int number, String line) {
        String content = Settings.withoutComment(line);
        int pasted = PastedCharacters.first(content);
        if (pasted >= 0) {
            throw new XenctlException(ErrorCode.INVALID_CONFIG, file + ":" + number + ":" + (pasted + 1) + ": "
                    + PastedCharacters.described(content, pasted), PastedCharacters.fix(content, pasted));
        }
        return content;
    }

    private static XenctlException invalid(Path file, int line, String problem) {
        return new XenctlException(ErrorCode.INVALID_CONFIG, file + (line > 0 ? ":" + line + ": " : " ") + problem,
                "see xenctl.conf(5); XENCTL_CONFIG=/dev/null runs without the file");
    }

    /** The values read so far; the last assignment of a key wins, as in xl.cfg. */
    private static final class Settings {
        private final Path file;
        private final List<String> warnings = new ArrayList<>();
        private String uriDefault;
        private String output;
        private Duration connectTimeout;
        private final Map<String, List<String>> hostGroups = new LinkedHashMap<>();

        Settings(Path file) {
            this.file = file;
        }

        void line(int number, String line) {
            String content = withoutComment(line).strip();
            if (content.isEmpty()) {
                return;
            }
            int equals = content.indexOf('=');
            String key = equals < 0 ? content : content.substring(0, equals).strip();
            if (equals < 0 || !isKey(key)) {
                throw invalid(file, number, "expected a setting of the form key = \"value\"");
            }
            String value = content.substring(equals + 1).strip();
            if (key.startsWith(HOSTS)) {
                hostGroups.put(groupName(number, key), uriList(number, key, value));
                return;
            }
            switch (key) {
                case "uri_default" -> uriDefault = emptyAsNull(quoted(number, key, value, "\"xen:///system\""));
                case "output" -> output = outputFormat(number, quoted(number, key, value, "\"json\""));
                case "connect_timeout" -> connectTimeout = seconds(number, value);
                default -> warnings.add(file + ":" + number + ": unknown key '" + key + "'" + suggestion(key)
                        + ", ignored");
            }
        }

        private String quoted(int number, String key, String value, String example) {
            if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")
                    || value.indexOf('"', 1) != value.length() - 1) {
                throw invalid(file, number, key + " needs a quoted value, e.g. " + key + " = " + example);
            }
            String text = value.substring(1, value.length() - 1);
            if (text.chars().anyMatch(Character::isISOControl)) {
                throw invalid(file, number, key + " contains a control character");
            }
            return text;
        }

        private String groupName(int number, String key) {
            String name = key.substring(HOSTS.length());
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
                throw invalid(file, number, "a host group is named with letters, digits, - and _ after hosts., "
                        + "e.g. hosts.rack1 = [ \"xen+ssh://root@a/system\" ]");
            }
            return name;
        }

        /** [ "URI", … ]: at least one, each quoted as a string is. */
        private List<String> uriList(int number, String key, String value) {
            String example = key + " = [ \"xen+ssh://root@a/system\", \"xen+ssh://root@b/system\" ]";
            if (!value.startsWith("[") || !value.endsWith("]")) {
                throw invalid(file, number, key + " needs a list of quoted URIs, e.g. " + example);
            }
            String inside = value.substring(1, value.length() - 1).strip();
            List<String> uris = new ArrayList<>();
            for (String item : inside.isEmpty() ? List.<String>of() : items(inside)) {
                String uri = quoted(number, key, item.strip(), "[ \"xen+ssh://root@a/system\" ]");
                if (uri.isBlank()) {
                    throw invalid(file, number, key + " has an empty URI");
                }
                uris.add(uri);
            }
            if (uris.isEmpty()) {
                throw invalid(file, number, key + " names no host, e.g. " + example);
            }
            return uris;
        }

        /** The list's items: split at the commas outside quotes (a URI's query may hold one). */
        private static List<String> items(String inside) {
            List<String> items = new ArrayList<>();
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < inside.length(); i++) {
                char c = inside.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    items.add(inside.substring(start, i));
                    start = i + 1;
                }
            }
            items.add(inside.substring(start));
            return items;
        }

        private String outputFormat(int number, String value) {
            String format = value.toLowerCase(Locale.ROOT);
            if (!format.equals("text") && !format.equals("json")) {
                throw invalid(file, number, "output must be \"text\" or \"json\", not \"" + value + "\"");
            }
            return format;
        }

        private Duration seconds(int number, String value) {
            String digits = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
            if (!digits.matches("[0-9]{1,9}") || Long.parseLong(digits) == 0
                    || Long.parseLong(digits) > MAX_SECONDS) {
                throw invalid(file, number, "connect_timeout must be a whole number of seconds from 1 to "
                        + MAX_SECONDS + ", not " + value);
            }
            return Duration.ofSeconds(Long.parseLong(digits));
        }

        private static String suggestion(String key) {
            return KEYS.stream()
                    .filter(known -> EditDistance.within(known, key, 2))
                    .min(Comparator.comparingInt(known -> EditDistance.between(known, key)))
                    .map(known -> " (did you mean '" + known + "'?)")
                    .orElse("");
        }

        private static String emptyAsNull(String text) {
            return text.isBlank() ? null : text;
        }

        private static boolean isKey(String key) {
            if (key.isEmpty() || !(Character.isLetter(key.charAt(0)) || key.charAt(0) == '_')) {
                return false;
            }
            return key.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "_.-".indexOf(c) >= 0));
        }

        /** Whether the line has a [ outside quotes without its ]. */
        static boolean opensList(String line) {
            boolean quoted = false;
            int depth = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '[') {
                    depth++;
                } else if (!quoted && c == ']') {
                    depth--;
                }
            }
            return depth > 0;
        }

        /** The line up to its first # that is not inside double quotes. */
        static String withoutComment(String line) {
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '#' && !quoted) {
                    return line.substring(0, i);
                }
            }
            return line;
        }
    }
}

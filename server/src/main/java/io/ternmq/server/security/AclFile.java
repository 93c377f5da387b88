package io.ternmq.server.security;

import io.ternmq.protocol.Topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the ACL file (format in the README, "Access control"): {@code user <name>} starts a user's section,
 * {@code topic [read|write|readwrite|deny] <filter>} adds a rule to the current section (before any {@code user}
 * line: to anonymous clients), {@code pattern [...] <filter>} adds a rule for every client wherever it is written,
 * with {@code %u} and {@code %c} substituted. '#' starts a comment line. Any problem names the file and line.
 */
final class AclFile {

    private final Path file;
    private final List<AclRule> anonymous = new ArrayList<>();
    private final List<AclRule> patterns = new ArrayList<>();
    private final Map<String, List<AclRule>> users = new LinkedHashMap<>();
    private List<AclRule> section = anonymous;
    private int lineNumber;

    private AclFile(Path file) {
        this.file = file;
    }

    static Acl read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SecurityFileException(file, "ACL file not found", e);
        } catch (IOException e) {
            throw new SecurityFileException(file, "cannot read the ACL file: " + e.getMessage(), e);
        }
        return parse(file, lines);
    }

    static Acl parse(Path file, List<String> lines) {
        AclFile parser = new AclFile(file);
        for (String line : lines) {
            parser.lineNumber++;
            parser.line(line.strip());
        }
        return parser.compile();
    }

    private void line(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        String[] keywordAndRest = line.split("\\s+", 2);
        String rest = keywordAndRest.length > 1 ? keywordAndRest[1] : "";
        switch (keywordAndRest[0]) {
            case "user" -> user(rest);
            case "topic" -> section.add(rule(rest, Kind.TOPIC));
            case "pattern" -> patterns.add(rule(rest, Kind.PATTERN));
            default -> throw error("unknown keyword '" + keywordAndRest[0] + "' (expected user, topic or pattern)");
        }
    }

    private enum Kind { TOPIC, PATTERN }

    private void user(String name) {
        if (name.isEmpty()) {
            throw error("'user' needs a user name");
        }
        if (users.containsKey(name)) {
            throw error("user '" + name + "' has a section already");
        }
        section = new ArrayList<>();
        users.put(name, section);
    }

    /** {@code [access] filter}; without an access word the rule grants read and write. */
    private AclRule rule(String text, Kind kind) {
        String[] words = text.split("\\s+", 2);
        Access access = Access.READWRITE;
        String filter = text;
        if (words.length == 2) {
            var named = Access.parse(words[0]);
            if (named.isPresent()) {
                access = named.get();
                filter = words[1].strip();
            }
        }
        String keyword = kind == Kind.TOPIC ? "topic" : "pattern";
        if (filter.isEmpty()) {
            throw error("'" + keyword + "' needs a topic filter");
        }
        if (Access.parse(filter).isPresent()) {
            throw error("'" + keyword + " " + filter + "' has an access but no topic filter");
        }
        if (kind == Kind.TOPIC) {
            requireValidFilter(filter, filter);
            return new AclRule(access, FixedFilter.of(filter), lineNumber);
        }
        PatternFilter compiled = PatternFilter.compile(filter);
        if (compiled == null) {
            throw error("'" + filter + "': '%' must be followed by u (user name) or c (client id)");
        }
        requireValidFilter(filter.replace("%u", "u").replace("%c", "c"), filter);
        return new AclRule(access, compiled, lineNumber);
    }

    private void requireValidFilter(String checked, String written) {
        if (!Topics.isValidTopicFilter(checked)) {
            throw error("'" + written + "' is not a valid topic filter");
        }
    }

    private Acl compile() {
        Map<String, RuleSet> compiled = new LinkedHashMap<>();
        users.forEach((name, rules) -> compiled.put(name, RuleSet.of(concat(rules, patterns))));
        int ruleCount = anonymous.size() + patterns.size() + users.values().stream().mapToInt(List::size).sum();
        return new Acl(compiled, RuleSet.of(concat(anonymous, patterns)), RuleSet.of(patterns), ruleCount);
    }

    private static List<AclRule> concat(List<AclRule> first, List<AclRule> second) {
        List<AclRule> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private SecurityFileException error(String problem) {
        return new SecurityFileException(file, lineNumber, problem);
    }
}

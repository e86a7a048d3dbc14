package dev.yubin.imap.session;

import dev.yubin.imap.command.ListCommand;
import dev.yubin.imap.protocol.MUtf7;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.store.Mailbox;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * LIST (RFC 9051 §6.3.9) with LIST-EXTENDED selection and return options (RFC 5258), CHILDREN,
 * SPECIAL-USE (RFC 6154 §2) and LIST-STATUS (RFC 5819).
 */
final class ListProcessor {
    private ListProcessor() {
    }

    static Result process(ImapSession s, ListCommand c) throws IOException, ParseException {
        ResponseWriter w = s.out();
        for (String opt : c.selection()) {
            if (!Set.of("SUBSCRIBED", "REMOTE", "RECURSIVEMATCH", "SPECIAL-USE").contains(opt)) {
                return new Result.Bad(null, "Unknown LIST selection option " + opt);
            }
        }
        if (c.selection().contains("RECURSIVEMATCH") && c.selection().size() == 1) {
            return new Result.Bad(null, "RECURSIVEMATCH needs another selection option"); // RFC 5258 §3
        }
        if (c.patterns().size() == 1 && c.patterns().get(0).isEmpty() && !c.extended()) {
            // RFC 9051 §6.3.9: the hierarchy delimiter and root
            w.ascii("* LIST (\\Noselect) \"/\" \"\"").crlf();
            return Result.ok("LIST completed");
        }
        boolean subscribedOnly = c.selection().contains("SUBSCRIBED");
        boolean specialOnly = c.selection().contains("SPECIAL-USE");
        boolean returnSubscribed = subscribedOnly || c.returns().contains("SUBSCRIBED");
        List<Mailbox> all = s.services().store().mailboxes(s.user().id());
        Set<String> subscribed = returnSubscribed ? new HashSet<>(s.services().store().subscriptions(s.user().id()))
                : Set.of();
        Map<String, Mailbox> byName = new LinkedHashMap<>();
        for (Mailbox m : all) {
            byName.put(m.name(), m);
        }
        TreeSet<String> candidates = new TreeSet<>(byName.keySet());
        boolean recursive = c.selection().contains("RECURSIVEMATCH");
        Set<String> withSubscribedChildren = new HashSet<>();
        if (subscribedOnly) {
            candidates = new TreeSet<>(subscribed);
            for (String n : subscribed) {
                for (int i = n.indexOf(Mailbox.SEPARATOR); i > 0; i = n.indexOf(Mailbox.SEPARATOR, i + 1)) {
                    withSubscribedChildren.add(n.substring(0, i));
                }
            }
            if (recursive) {
                candidates.addAll(withSubscribedChildren); // RFC 5258 §3.5: parents with CHILDINFO
            }
        }
        // levels of hierarchy that are not mailboxes themselves (returned for % patterns)
        Set<String> virtual = new HashSet<>();
        for (String n : byName.keySet()) {
            int i = n.indexOf(Mailbox.SEPARATOR);
            while (i > 0) {
                String parent = n.substring(0, i);
                if (!byName.containsKey(parent)) {
                    virtual.add(parent);
                }
                i = n.indexOf(Mailbox.SEPARATOR, i + 1);
            }
        }
        List<String> patterns = new ArrayList<>();
        for (String p : c.patterns()) {
            String full = c.reference().isEmpty() ? p : c.reference() + p;
            patterns.add(s.extensions().utf8() ? full : MUtf7.decode(full));
        }
        Set<String> emitted = new HashSet<>();
        for (String pattern : patterns) {
            TreeSet<String> names = new TreeSet<>(candidates);
            if (pattern.contains("%") && !subscribedOnly) {
                names.addAll(virtual);
            }
            for (String name : names) {
                if (!MailboxNames.matches(pattern, name) || !emitted.add(name)) {
                    continue;
                }
                Mailbox m = byName.get(name);
                if (specialOnly && (m == null || m.specialUse().isEmpty())) {
                    continue;
                }
                List<String> attrs = new ArrayList<>();
                if (m == null) {
                    attrs.add(s.extensions().rev2() || c.extended() ? "\\NonExistent" : "\\Noselect");
                }
                if (m != null || virtual.contains(name)) {
                    attrs.add(MailboxNames.hasChildren(name, all) ? "\\HasChildren" : "\\HasNoChildren");
                }
                if (returnSubscribed && subscribed.contains(name)) {
                    attrs.add("\\Subscribed");
                }
                if (m != null && m.specialUse().isPresent()) {
                    attrs.add(m.specialUse().get().attribute());
                }
                w.ascii("* LIST (").ascii(String.join(" ", attrs)).ascii(") \"/\" ").string(s.wireName(name));
                if (recursive && withSubscribedChildren.contains(name)) {
                    w.ascii(" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
                }
                w.crlf();
                if (m != null && c.returns().contains("STATUS")) {
                    StatusProcessor.write(s, m, c.statusItems()); // RFC 5819 §2
                }
            }
        }
        return Result.ok("LIST completed");
    }
}

package dev.yubin.imap.session;

import dev.yubin.imap.command.NumberKind;
import dev.yubin.imap.command.ThreadCommand;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.message.MessageSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * THREAD and UID THREAD (RFC 5256 §3): ORDEREDSUBJECT, and REFERENCES built from Message-ID,
 * References and In-Reply-To, then the subject merge of roots (RFC 5256 §2.2 steps 1-5).
 */
final class ThreadProcessor {
    private ThreadProcessor() {
    }

    /** A thread tree node. */
    private static final class Node {
        final String id;
        int seq;
        Instant date = Instant.EPOCH;
        Node parent;
        final List<Node> children = new ArrayList<>();

        Node(String id) {
            this.id = id;
        }

        Instant firstDate() {
            if (seq > 0 || children.isEmpty()) {
                return date;
            }
            return children.get(0).firstDate();
        }
    }

    static Result process(ImapSession s, ThreadCommand c) throws IOException {
        String cs = c.charset().toUpperCase(Locale.ROOT);
        if (!cs.equals("UTF-8") && !cs.equals("US-ASCII")) {
            return Responses.BAD_CHARSET;
        }
        SelectedMailbox v = s.selected();
        SearchEvaluator ev = new SearchEvaluator(s);
        int[] seqs = ev.search(c.key());
        List<Node> roots = c.algorithm() == ThreadCommand.Algorithm.ORDEREDSUBJECT ? orderedSubject(v, ev, seqs)
                : references(v, ev, seqs);
        ResponseWriter w = s.out();
        w.ascii("* THREAD ");
        for (Node r : roots) {
            write(w, r, c.kind(), v, true);
        }
        w.crlf();
        return Result.ok((c.kind() == NumberKind.UID ? "UID " : "") + "THREAD completed");
    }

    private static Node leaf(SelectedMailbox v, SearchEvaluator ev, int seq) {
        Node n = new Node(null);
        n.seq = seq;
        n.date = SortProcessor.sentDate(v.record(seq), ev.summary(seq));
        return n;
    }

    private static List<Node> orderedSubject(SelectedMailbox v, SearchEvaluator ev, int[] seqs) {
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        for (int seq : seqs) {
            MessageSummary m = ev.summary(seq);
            String subj = BaseSubjects.of(m == null ? "" : SearchEvaluator.decode(m.header("subject").orElse("")));
            groups.computeIfAbsent(subj, k -> new ArrayList<>()).add(leaf(v, ev, seq));
        }
        List<Node> roots = new ArrayList<>();
        Comparator<Node> byDate = Comparator.comparing((Node n) -> n.date).thenComparingInt(n -> n.seq);
        for (List<Node> g : groups.values()) {
            g.sort(byDate);
            Node root = g.get(0);
            for (int i = 1; i < g.size(); i++) {
                root.children.add(g.get(i));
            }
            roots.add(root);
        }
        roots.sort(byDate);
        return roots;
    }

    private static List<Node> references(SelectedMailbox v, SearchEvaluator ev, int[] seqs) {
        Map<String, Node> byId = new HashMap<>();
        int anon = 0;
        for (int seq : seqs) {
            MessageSummary m = ev.summary(seq);
            String id = m == null ? null : m.header("message-id").map(ThreadProcessor::firstId).orElse(null);
            if (id == null || (byId.containsKey(id) && byId.get(id).seq > 0)) {
                id = "<anon-" + (anon++) + ">";
            }
            Node n = byId.computeIfAbsent(id, Node::new);
            n.seq = seq;
            n.date = SortProcessor.sentDate(v.record(seq), m);
            List<String> refs = new ArrayList<>();
            if (m != null) {
                m.header("references").ifPresent(r -> refs.addAll(ids(r)));
                if (refs.isEmpty()) {
                    m.header("in-reply-to").ifPresent(r -> refs.addAll(ids(r)));
                }
            }
            Node prev = null;
            for (String ref : refs) {
                Node r = byId.computeIfAbsent(ref, Node::new);
                if (prev != null && r.parent == null && !reaches(prev, r) && r != prev) {
                    link(prev, r);
                }
                prev = r;
            }
            if (prev != null && prev != n && !reaches(n, prev)) {
                if (n.parent != null) {
                    n.parent.children.remove(n);
                    n.parent = null;
                }
                link(prev, n);
            }
        }
        List<Node> roots = new ArrayList<>();
        for (Node n : byId.values()) {
            if (n.parent == null) {
                roots.add(n);
            }
        }
        // prune dummies (RFC 5256 step 3): promote children of message-less nodes
        List<Node> pruned = new ArrayList<>();
        for (Node r : roots) {
            prune(r, pruned);
        }
        List<Node> merged = mergeBySubject(pruned, ev);
        Comparator<Node> byDate = Comparator.comparing(Node::firstDate).thenComparingInt(n -> n.seq);
        sortTree(merged, byDate);
        return merged;
    }

    /** RFC 5256 §2.2 step 5: roots whose messages share a base subject become one thread. */
    private static List<Node> mergeBySubject(List<Node> roots, SearchEvaluator ev) {
        Map<String, Node> bySubject = new LinkedHashMap<>();
        List<Node> out = new ArrayList<>();
        for (Node r : roots) {
            Node first = r.seq > 0 ? r : (r.children.isEmpty() ? null : r.children.get(0));
            String raw = first == null ? "" : subject(ev, first.seq);
            String base = BaseSubjects.of(raw);
            if (base.isEmpty()) {
                out.add(r);
                continue;
            }
            Node other = bySubject.get(base);
            if (other == null) {
                bySubject.put(base, r);
                out.add(r);
                continue;
            }
            if (other.seq == 0 && r.seq == 0) {
                for (Node c : r.children) {
                    link(other, c);
                }
                r.children.clear();
            } else if (other.seq == 0) {
                link(other, r);
            } else if (r.seq > 0 && isReply(raw) && !isReply(subject(ev, other.seq))) {
                link(other, r);
            } else if (r.seq > 0 && !isReply(raw) && isReply(subject(ev, other.seq))) {
                out.set(out.indexOf(other), r);
                link(r, other);
                bySubject.put(base, r);
            } else {
                Node dummy = new Node(null);
                out.set(out.indexOf(other), dummy);
                link(dummy, other);
                link(dummy, r);
                bySubject.put(base, dummy);
            }
        }
        return out;
    }

    private static String subject(SearchEvaluator ev, int seq) {
        MessageSummary m = ev.summary(seq);
        return m == null ? "" : SearchEvaluator.decode(m.header("subject").orElse(""));
    }

    private static boolean isReply(String subject) {
        return !BaseSubjects.of(subject).equals(subject.strip().toLowerCase(Locale.ROOT));
    }

    private static void prune(Node n, List<Node> into) {
        List<Node> kids = new ArrayList<>();
        for (Node c : n.children) {
            prune(c, kids);
        }
        n.children.clear();
        if (n.seq > 0) {
            n.children.addAll(kids);
            into.add(n);
        } else if (into.isEmpty() && kids.size() > 1 && n.parent == null) {
            // keep a dummy root that groups several messages
            n.children.addAll(kids);
            into.add(n);
        } else {
            into.addAll(kids);
        }
    }

    private static void sortTree(List<Node> nodes, Comparator<Node> cmp) {
        nodes.sort(cmp);
        for (Node n : nodes) {
            sortTree(n.children, cmp);
        }
    }

    private static void link(Node parent, Node child) {
        child.parent = parent;
        parent.children.add(child);
    }

    private static boolean reaches(Node from, Node target) {
        for (Node p = from; p != null; p = p.parent) {
            if (p == target) {
                return true;
            }
        }
        return false;
    }

    private static String firstId(String h) {
        List<String> ids = ids(h);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String h) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = h.indexOf('<', i)) >= 0) {
            int e = h.indexOf('>', i);
            if (e < 0) {
                break;
            }
            out.add(h.substring(i, e + 1).toLowerCase(Locale.ROOT));
            i = e + 1;
        }
        return out;
    }

    /** {@code (a b (c)(d))}: one child continues the line, several become parenthesised branches. */
    private static void write(ResponseWriter w, Node n, NumberKind kind, SelectedMailbox v, boolean open)
            throws IOException {
        if (open) {
            w.ch('(');
        }
        if (n.seq > 0) {
            w.number(kind == NumberKind.UID ? v.uid(n.seq) : n.seq);
        }
        if (n.children.size() == 1) {
            if (n.seq > 0) {
                w.sp();
            }
            write(w, n.children.get(0), kind, v, false);
        } else if (!n.children.isEmpty()) {
            if (n.seq > 0) {
                w.sp();
            }
            for (Node c : n.children) {
                write(w, c, kind, v, true);
            }
        }
        if (open) {
            w.ch(')');
        }
    }
}

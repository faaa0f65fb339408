package dev.brisk.internal.binding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An error location as a parent-linked chain, turned into a list only when an error is reported. */
public final class Loc {
    private final Loc parent;
    private final Object key;
    private final int depth;

    private Loc(Loc parent, Object key) {
        this.parent = parent;
        this.key = key;
        this.depth = parent == null ? 1 : parent.depth + 1;
    }

    public static Loc root(String source) {
        return new Loc(null, source);
    }

    public Loc child(Object k) {
        return new Loc(this, k);
    }

    public int depth() {
        return depth;
    }

    public List<Object> toList() {
        var out = new ArrayList<Object>(depth);
        for (Loc l = this; l != null; l = l.parent) out.add(l.key);
        Collections.reverse(out);
        return out;
    }

    @Override
    public String toString() {
        return toList().toString();
    }
}

package io.tierflow.form.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the record pages arrange a form's fields: tabs of titled sections, each with 1–4 columns and its field
 * keys in order. Stored in {@code form.layout}; changed through {@code PUT /api/forms/{form}/layout}.
 * A layout read with its form is {@linkplain #resolve resolved} against the live fields: keys of fields in the
 * trash are skipped (they come back in their place when restored) and fields placed nowhere (added since)
 * go to an untitled section at the end, so every live field shows exactly once.
 */
public record FormLayout(List<Tab> tabs) {

    public static final int MIN_COLUMNS = 1;
    public static final int MAX_COLUMNS = 4;
    public static final int DEFAULT_COLUMNS = 2;
    public static final int MAX_TITLE = 100;

    public FormLayout {
        tabs = tabs == null ? List.of() : tabs.stream().map(t -> t == null ? new Tab(null, null) : t).toList();
    }

    /** One tab; its title is shown only when the form has more than one. */
    public record Tab(String title, List<Section> sections) {

        public Tab {
            sections = sections == null ? List.of() : sections.stream().map(s -> s == null ? new Section(null, null, null) : s).toList();
        }
    }

    /** A titled (or untitled) group of fields laid out in {@code columns} columns. */
    public record Section(String title, Integer columns, List<String> fields) {

        public Section {
            fields = fields == null ? List.of() : fields.stream().filter(k -> k != null).toList();
        }

        /** The columns to lay out in: the stored number within 1–4, else two. */
        public int columnCount() {
            return columns == null ? DEFAULT_COLUMNS : Math.max(MIN_COLUMNS, Math.min(MAX_COLUMNS, columns));
        }
    }

    /** One untitled two-column section with the given fields: what a form without a layout shows. */
    public static FormLayout standard(List<String> keys) {
        return new FormLayout(List.of(new Tab(null, List.of(new Section(null, DEFAULT_COLUMNS, keys)))));
    }

    /** The layout to show {@code form} with: its own, resolved, or the standard one. */
    public static FormLayout of(FormDefinition form) {
        List<String> keys = form.fields().stream().map(FieldDefinition::key).toList();
        return form.layout() == null ? standard(keys) : form.layout().resolve(keys);
    }

    /**
     * This layout against the live field keys: unknown keys and repeats skipped, fields placed nowhere appended
     * in their form order to the untitled section ending the last tab (a new one when it ends with a titled one).
     */
    public FormLayout resolve(List<String> liveKeys) {
        return place(liveKeys, true);
    }

    /**
     * As {@link #resolve}, but fields placed nowhere always get a new untitled section at the end: what a layout
     * the builder submits is stored as, so their own last section stays as they made it.
     */
    public FormLayout placeAll(List<String> liveKeys) {
        return place(liveKeys, false);
    }

    private FormLayout place(List<String> liveKeys, boolean mergeIntoUntitled) {
        Set<String> live = new HashSet<>(liveKeys);
        Set<String> placed = new HashSet<>();
        List<Tab> out = new ArrayList<>();
        for (Tab t : tabs) {
            List<Section> sections = new ArrayList<>();
            for (Section s : t.sections()) {
                List<String> keys = s.fields().stream().filter(k -> live.contains(k) && placed.add(k)).toList();
                sections.add(new Section(s.title(), s.columnCount(), keys));
            }
            out.add(new Tab(t.title(), sections));
        }
        List<String> rest = new ArrayList<>(new LinkedHashSet<>(liveKeys));
        rest.removeAll(placed);
        if (!rest.isEmpty()) {
            if (out.isEmpty()) {
                out.add(new Tab(null, List.of()));
            }
            Tab last = out.get(out.size() - 1);
            List<Section> sections = new ArrayList<>(last.sections());
            Section end = sections.isEmpty() ? null : sections.get(sections.size() - 1);
            if (mergeIntoUntitled && end != null && end.title() == null) {
                // the untitled section at the end (where unplaced fields went before) takes them
                List<String> keys = new ArrayList<>(end.fields());
                keys.addAll(rest);
                sections.set(sections.size() - 1, new Section(null, end.columnCount(), keys));
            } else {
                sections.add(new Section(null, DEFAULT_COLUMNS, rest));
            }
            out.set(out.size() - 1, new Tab(last.title(), sections));
        }
        return new FormLayout(out);
    }

    /** Every key the layout places, in order. */
    public List<String> keys() {
        return tabs.stream().flatMap(t -> t.sections().stream()).flatMap(s -> s.fields().stream()).toList();
    }
}

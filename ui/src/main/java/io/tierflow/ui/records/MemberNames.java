package io.tierflow.ui.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tierflow.core.identity.UserDirectory;

/**
 * The people and teams that member and team pickers hold, by name: one directory query per kind for a whole
 * form, never one per field. An id nobody has any more stays "#12" (the template's fallback).
 */
@ApplicationScoped
public class MemberNames {

    static final String MEMBER = "member";
    static final String TEAM = "team";

    @Inject
    UserDirectory directory;

    /** The inputs with each member and team picker showing its chosen one's name. */
    public Uni<List<FieldInput>> resolve(List<FieldInput> inputs) {
        Set<Long> users = new LinkedHashSet<>();
        Set<Long> teams = new LinkedHashSet<>();
        for (FieldInput f : inputs) {
            Long id = id(f);
            if (id != null) {
                (TEAM.equals(f.widget()) ? teams : users).add(id);
            }
        }
        if (users.isEmpty() && teams.isEmpty()) {
            return Uni.createFrom().item(inputs);
        }
        Uni<List<UserDirectory.Entry>> people = users.isEmpty() ? Uni.createFrom().item(List.of()) : directory.users(List.copyOf(users));
        return people.chain(u -> (teams.isEmpty() ? Uni.createFrom().item(List.<UserDirectory.Entry>of()) : directory.teams(List.copyOf(teams)))
                .map(t -> {
                    Map<Long, String> userNames = names(u);
                    Map<Long, String> teamNames = names(t);
                    List<FieldInput> named = new ArrayList<>(inputs.size());
                    for (FieldInput f : inputs) {
                        Long id = id(f);
                        String name = id == null ? null : (TEAM.equals(f.widget()) ? teamNames : userNames).get(id);
                        named.add(id == null ? f : f.withDisplay(name));
                    }
                    return named;
                }));
    }

    /** The id a member or team picker holds, or null (another widget, or nothing chosen). */
    private static Long id(FieldInput f) {
        boolean picker = MEMBER.equals(f.widget()) || TEAM.equals(f.widget());
        return picker && f.value() != null && f.value().strip().matches("\\d{1,18}") ? Long.valueOf(f.value().strip()) : null;
    }

    private static Map<Long, String> names(List<UserDirectory.Entry> entries) {
        Map<Long, String> names = new HashMap<>();
        entries.forEach(e -> names.put(e.id(), e.name()));
        return names;
    }
}

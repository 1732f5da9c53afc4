package io.tierflow.form.type;

import jakarta.enterprise.context.ApplicationScoped;

/** A team of the platform (the responsible sales team), stored as the team's id; checked on write like a member. */
@ApplicationScoped
public class TeamFieldType extends MemberFieldType {

    @Override
    public String id() {
        return "team";
    }

    @Override
    public String widget() {
        return "team";
    }
}

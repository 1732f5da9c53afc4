package io.tierflow.flow.task;

import java.util.List;

import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;

import io.tierflow.core.identity.Caller;

/**
 * Who may act on an open task: its assignee, a member of one of its candidate groups (a group is
 * a role name), or an admin. Everyone else is told the task does not exist.
 */
final class TaskAccess {

    private TaskAccess() {
    }

    static boolean mayAct(Caller caller, String assignee, List<? extends IdentityLink> links) {
        if (caller.isAdmin() || String.valueOf(caller.id()).equals(assignee)) {
            return true;
        }
        String group = caller.role().name();
        return links.stream().anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && group.equals(l.getGroupId()));
    }
}

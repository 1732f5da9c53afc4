package io.tierflow.core.identity;

/** The three roles of DESIGN.md: builders, managers who approve and read dashboards, sales staff. */
public enum Role {
    ADMIN, MANAGER, SALES
}

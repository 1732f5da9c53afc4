package io.tierflow.flow.engine;

import java.sql.Connection;

import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * The JDBC connection of a running Flowable command. Statements on it (journal, audit log) commit
 * or roll back together with the command's own inserts, which Flowable flushes on the same
 * connection when the command closes (DESIGN.md decision 4).
 */
public final class CommandJdbc {

    private CommandJdbc() {
    }

    public static Connection connection(CommandContext context) {
        return CommandContextUtil.getDbSqlSession(context).getSqlSession().getConnection();
    }
}

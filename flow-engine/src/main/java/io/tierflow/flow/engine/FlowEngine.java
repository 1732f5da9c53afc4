package io.tierflow.flow.engine;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Owns the one Flowable process engine of this node. Flowable runs its own JDBC transactions
 * on the Agroal pool (STACK.md); it is built when the application starts, after Flyway and
 * before the effects dispatcher, whose consumers need it.
 */
@ApplicationScoped
public class FlowEngine {

    /** Before the dispatcher (APPLICATION + 1000) and before the BPMN deployer. */
    public static final int STARTUP_PRIORITY = Interceptor.Priority.APPLICATION;

    private static final Logger LOG = Logger.getLogger(FlowEngine.class);

    @Inject
    AgroalDataSource dataSource;

    private volatile ProcessEngine engine;

    void start(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setEngineName("tierflow");
        cfg.setDataSource(dataSource);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        // timers and async continuations come later; until then no job threads poll the database
        cfg.setAsyncExecutorActivate(false);
        cfg.setHistoryLevel(HistoryLevel.AUDIT);
        // users and groups live in platform-core (app_user, team, role); no event registry is used
        cfg.setDisableIdmEngine(true);
        cfg.setDisableEventRegistry(true);
        engine = cfg.buildProcessEngine();
        LOG.infof("Flowable %s started", ProcessEngine.VERSION);
    }

    // after the dispatcher has stopped (it observes ShutdownEvent at the default priority)
    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION + 2000) ShutdownEvent event) {
        ProcessEngine e = engine;
        engine = null;
        if (e != null) {
            e.close();
        }
    }

    /** The running engine; fails loudly when used before startup or after shutdown. */
    public ProcessEngine get() {
        ProcessEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("the Flowable engine is not running (used before StartupEvent or after shutdown)");
        }
        return e;
    }
}

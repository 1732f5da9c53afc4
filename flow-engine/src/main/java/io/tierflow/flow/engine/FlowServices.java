package io.tierflow.flow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

/**
 * Flowable's services as CDI beans. They are application-scoped, so each injection point gets a
 * client proxy and the engine is only asked for the service on first use: injecting them into
 * beans created before startup is safe, calling them before startup fails in {@link FlowEngine#get}.
 */
@ApplicationScoped
public class FlowServices {

    @Inject
    FlowEngine engine;

    @Produces
    @ApplicationScoped
    RuntimeService runtimeService() {
        return engine.get().getRuntimeService();
    }

    @Produces
    @ApplicationScoped
    TaskService taskService() {
        return engine.get().getTaskService();
    }

    @Produces
    @ApplicationScoped
    HistoryService historyService() {
        return engine.get().getHistoryService();
    }

    @Produces
    @ApplicationScoped
    RepositoryService repositoryService() {
        return engine.get().getRepositoryService();
    }

    @Produces
    @ApplicationScoped
    ManagementService managementService() {
        return engine.get().getManagementService();
    }
}

package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.options.LaunchPlanOptions;
import dev.flytejava.magics.flyte.options.TaskOptions;
import dev.flytejava.magics.flyte.options.WorkflowOptions;
import dev.flytejava.magics.flyte.parse.MethodSignature;
import dev.flytejava.magics.flyte.parse.WorkflowIr;
import dev.flytejava.magics.flyte.render.Dag;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Workflow;

/**
 * Something a notebook declared: a task, a workflow or a launch plan, with what the cell said about it.
 * {@link #name()} is the Flyte name, {@link #method()} the Java method that calls it.
 */
public sealed interface Entity {
    String name();

    String method();

    TypedInterface iface();

    /** "task", "workflow" or "launch plan". */
    String kind();

    /** The cell that declared the entity: its execution count (0 when unknown), for messages that say what to re-run. */
    int cell();

    /**
     * A task. {@code task} and {@code closure} are the task as bound to the session's code: at declaration, or later
     * by {@link CurrentCode} after a cell redefined something in its closure. {@code declared} is its interface as
     * the declaring cell showed it, in Flyte types: a rebinding must keep it.
     */
    record DeclaredTask(Task task, MethodSignature signature, TaskOptions options, String cellSource, int cell,
                        CodeClosure closure, FlyteInterface declared) implements Entity {
        /** The same declaration bound to other code. */
        DeclaredTask rebound(Task newTask, CodeClosure newClosure) {
            return new DeclaredTask(newTask, signature, options, cellSource, cell, newClosure, declared);
        }

        @Override
        public String name() {
            return task.name();
        }

        @Override
        public String method() {
            return signature.name();
        }

        @Override
        public TypedInterface iface() {
            return task.iface();
        }

        @Override
        public String kind() {
            return "task";
        }
    }

    /**
     * A task of a plugin's own type ({@code %%container_task}, {@code %%sql_task}, {@code %flyte sensor}): it runs no
     * notebook code, so it is current as declared. {@code shown} is what its card lists besides the interface.
     */
    record DeclaredPluginTask(Task task, String plugin, java.util.Map<String, String> shown, String cellSource, int cell)
            implements Entity {
        @Override
        public String name() {
            return task.name();
        }

        @Override
        public String method() {
            return task.name();
        }

        @Override
        public TypedInterface iface() {
            return task.iface();
        }

        @Override
        public String kind() {
            return "task";
        }
    }

    /** The runtime task of a declared task of either kind; null for workflows and launch plans. */
    static Task taskOf(Entity e) {
        return e instanceof DeclaredTask t ? t.task() : e instanceof DeclaredPluginTask p ? p.task() : null;
    }

    /** A workflow; {@code workflow} is wired to its callees as they were when it was declared or last rewired. */
    record DeclaredWorkflow(Workflow workflow, WorkflowIr ir, Dag dag, WorkflowOptions options, String cellSource, int cell)
            implements Entity {
        DeclaredWorkflow rewired(Workflow newWorkflow) {
            return new DeclaredWorkflow(newWorkflow, ir, dag, options, cellSource, cell);
        }

        @Override
        public String name() {
            return workflow.name();
        }

        @Override
        public String method() {
            return ir.signature().name();
        }

        @Override
        public TypedInterface iface() {
            return workflow.iface();
        }

        @Override
        public String kind() {
            return "workflow";
        }
    }

    record DeclaredLaunchPlan(LaunchPlan plan, LaunchPlanOptions options, Dag dag, int cell) implements Entity {
        @Override
        public String name() {
            return plan.name();
        }

        @Override
        public String method() {
            return plan.name();
        }

        /** The workflow's interface minus fixed inputs. */
        @Override
        public TypedInterface iface() {
            TypedInterface wf = plan.workflow().iface();
            return new TypedInterface(wf.inputs().stream().filter(v -> !plan.fixedInputs().containsKey(v.name())).toList(),
                    wf.outputs(), wf.outputRecord());
        }

        @Override
        public String kind() {
            return "launch plan";
        }
    }
}

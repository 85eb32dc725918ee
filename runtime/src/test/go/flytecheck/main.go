// Command flytecheck validates a flyte-java package (.tgz) with Flyte's own Go code, offline: it reads the archive
// as `flytectl register files --archive` reads it, fills in project, domain, version and the code location as
// flytectl does, then compiles every task and workflow with FlytePropeller's compiler (what FlyteAdmin runs on
// CreateTask and CreateWorkflow), checks each launch plan against its workflow as FlyteAdmin does on
// CreateLaunchPlan, and builds the FlyteWorkflow custom resource propeller would run for every launch plan.
//
// Usage: flytecheck PACKAGE.tgz
package main

import (
	"archive/tar"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/flyteorg/flyte/flyteidl/gen/pb-go/flyteidl/admin"
	"github.com/flyteorg/flyte/flyteidl/gen/pb-go/flyteidl/core"
	"github.com/flyteorg/flyte/flytepropeller/pkg/compiler"
	"github.com/flyteorg/flyte/flytepropeller/pkg/compiler/common"
	"github.com/flyteorg/flyte/flytepropeller/pkg/compiler/transformers/k8s"
	"github.com/flyteorg/flyte/flytepropeller/pkg/compiler/validators"
	"github.com/robfig/cron/v3"
	"google.golang.org/protobuf/proto"
)

const (
	project           = "flytesnacks"
	domain            = "development"
	defaultVersion    = "v1"
	remotePackagePath = "{{ .remote_package_path }}"
)

type entry struct {
	name string
	data []byte
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: flytecheck PACKAGE.tgz")
		os.Exit(2)
	}
	if err := check(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "flytecheck: "+err.Error())
		os.Exit(1)
	}
}

func check(path string) error {
	entries, err := readArchive(path)
	if err != nil {
		return err
	}
	var code string
	var protos []entry
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.name, "fast") && strings.HasSuffix(e.name, ".tar.gz"):
			if code != "" {
				return fmt.Errorf("two code archives: %s and %s", code, e.name)
			}
			code = e.name
		case strings.HasSuffix(e.name, ".pb"):
			protos = append(protos, e)
		default:
			return fmt.Errorf("flytectl rejects a package with the file %s", e.name)
		}
	}
	if code == "" {
		return fmt.Errorf("no fast<digest>.tar.gz code archive")
	}
	codeURI := "s3://my-s3-bucket/fast/" + code

	tasks := map[string]*core.CompiledTask{}
	workflows := map[string]*core.CompiledWorkflowClosure{}
	plans := map[string]*admin.LaunchPlan{}
	counts := map[string]int{}
	for _, e := range protos {
		kind := e.name[len(e.name)-4 : len(e.name)-3]
		switch kind {
		case "1":
			spec := &admin.TaskSpec{}
			if err := proto.Unmarshal(e.data, spec); err != nil {
				return fmt.Errorf("%s: not an admin.TaskSpec: %w", e.name, err)
			}
			t := spec.GetTemplate()
			hydrate(t.GetId())
			replaced := 0
			for i, arg := range t.GetContainer().GetArgs() {
				if arg == remotePackagePath {
					t.GetContainer().Args[i] = codeURI
					replaced++
				}
			}
			if replaced != 1 {
				return fmt.Errorf("%s: %d args are flytectl's %q; want one", e.name, replaced, remotePackagePath)
			}
			compiled, err := compiler.CompileTask(t)
			if err != nil {
				return fmt.Errorf("%s: FlytePropeller's compiler rejects the task: %w", e.name, err)
			}
			tasks[key(t.GetId())] = compiled
		case "2":
			spec := &admin.WorkflowSpec{}
			if err := proto.Unmarshal(e.data, spec); err != nil {
				return fmt.Errorf("%s: not an admin.WorkflowSpec: %w", e.name, err)
			}
			hydrateTemplate(spec.GetTemplate())
			for _, sub := range spec.GetSubWorkflows() {
				hydrateTemplate(sub)
			}
			closure, err := compileWorkflow(spec, tasks, plans)
			if err != nil {
				return fmt.Errorf("%s: %w", e.name, err)
			}
			workflows[key(spec.GetTemplate().GetId())] = closure
		case "3":
			lp := &admin.LaunchPlan{}
			if err := proto.Unmarshal(e.data, lp); err != nil {
				return fmt.Errorf("%s: not an admin.LaunchPlan: %w", e.name, err)
			}
			hydrate(lp.GetId())
			hydrate(lp.GetSpec().GetWorkflowId())
			wf, ok := workflows[key(lp.GetSpec().GetWorkflowId())]
			if !ok {
				return fmt.Errorf("%s: its workflow %s is not registered before it", e.name, key(lp.GetSpec().GetWorkflowId()))
			}
			if err := checkLaunchPlan(lp, wf); err != nil {
				return fmt.Errorf("%s: %w", e.name, err)
			}
			plans[key(lp.GetId())] = lp
		default:
			return fmt.Errorf("%s: not NNN_name_{1,2,3}.pb", e.name)
		}
		counts[kind]++
	}
	fmt.Printf("flytecheck: %s: %d tasks, %d workflows, %d launch plans compiled by FlytePropeller v1.16.8 and checked as FlyteAdmin checks them\n",
		path, counts["1"], counts["2"], counts["3"])
	return nil
}

// readArchive returns the package's regular files sorted by name, as flytectl registers them.
func readArchive(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s is not gzip'd: %w", path, err)
	}
	tr := tar.NewReader(gz)
	var entries []entry
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s is not a tar: %w", path, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		entries = append(entries, entry{h.Name, data})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })
	return entries, nil
}

// hydrate fills in what flytectl fills in: empty (or placeholder) project, domain and version.
func hydrate(id *core.Identifier) {
	if id == nil {
		return
	}
	if id.Project == "" || id.Project == "{{ registration.project }}" {
		id.Project = project
	}
	if id.Domain == "" || id.Domain == "{{ registration.domain }}" {
		id.Domain = domain
	}
	if id.Version == "" || id.Version == "{{ registration.version }}" {
		id.Version = defaultVersion
	}
}

func hydrateTemplate(t *core.WorkflowTemplate) {
	hydrate(t.GetId())
	for _, n := range t.GetNodes() {
		hydrateNode(n)
	}
	if t.GetFailureNode() != nil {
		hydrateNode(t.GetFailureNode())
	}
}

func hydrateNode(n *core.Node) {
	if n == nil {
		return
	}
	hydrate(n.GetTaskNode().GetReferenceId())
	hydrate(n.GetWorkflowNode().GetSubWorkflowRef())
	hydrate(n.GetWorkflowNode().GetLaunchplanRef())
	if b := n.GetBranchNode().GetIfElse(); b != nil {
		hydrateNode(b.GetCase().GetThenNode())
		for _, o := range b.GetOther() {
			hydrateNode(o.GetThenNode())
		}
		hydrateNode(b.GetElseNode())
	}
	hydrateNode(n.GetArrayNode().GetNode())
}

// compileWorkflow compiles as FlyteAdmin's CreateWorkflow does: the requirements, then the registered tasks and
// launch plans they name, then FlytePropeller's compiler.
func compileWorkflow(spec *admin.WorkflowSpec, tasks map[string]*core.CompiledTask,
	plans map[string]*admin.LaunchPlan) (*core.CompiledWorkflowClosure, error) {
	reqs, err := compiler.GetRequirements(spec.GetTemplate(), spec.GetSubWorkflows())
	if err != nil {
		return nil, fmt.Errorf("requirements: %w", err)
	}
	var compiledTasks []*core.CompiledTask
	for _, id := range reqs.GetRequiredTaskIds() {
		t, ok := tasks[key(id)]
		if !ok {
			return nil, fmt.Errorf("task %s is not registered before the workflow", key(id))
		}
		compiledTasks = append(compiledTasks, t)
	}
	var providers []common.InterfaceProvider
	for _, id := range reqs.GetRequiredLaunchPlanIds() {
		lp, ok := plans[key(id)]
		if !ok {
			return nil, fmt.Errorf("launch plan %s is not registered before the workflow", key(id))
		}
		providers = append(providers, compiler.NewLaunchPlanInterfaceProvider(lp))
	}
	closure, err := compiler.CompileWorkflow(spec.GetTemplate(), spec.GetSubWorkflows(), compiledTasks, providers)
	if err != nil {
		return nil, fmt.Errorf("FlytePropeller's compiler rejects the workflow: %w", err)
	}
	return closure, nil
}

// checkLaunchPlan checks a launch plan against its workflow's interface by FlyteAdmin's rules (every default and
// fixed input names a workflow input of a castable type, literals have valid types, a scheduled plan leaves no
// required input, the cron expression parses), fills in the closure's expected inputs and outputs as FlyteAdmin
// stores them, and builds the FlyteWorkflow propeller would run for an execution of it.
func checkLaunchPlan(lp *admin.LaunchPlan, wf *core.CompiledWorkflowClosure) error {
	wfInputs := wf.GetPrimary().GetTemplate().GetInterface().GetInputs().GetVariables()
	expected := map[string]*core.Parameter{}
	inputs := &core.LiteralMap{Literals: map[string]*core.Literal{}}
	for name, p := range lp.GetSpec().GetDefaultInputs().GetParameters() {
		v, ok := wfInputs[name]
		if !ok {
			return fmt.Errorf("default input %s is no workflow input", name)
		}
		if !validators.AreTypesCastable(p.GetVar().GetType(), v.GetType()) {
			return fmt.Errorf("default input %s has type %v, the workflow takes %v", name, p.GetVar().GetType(), v.GetType())
		}
		if d := p.GetDefault(); d != nil {
			if err := checkLiteral(name, d, v.GetType()); err != nil {
				return err
			}
			inputs.Literals[name] = d
		}
		expected[name] = p
	}
	for name, l := range lp.GetSpec().GetFixedInputs().GetLiterals() {
		v, ok := wfInputs[name]
		if !ok {
			return fmt.Errorf("fixed input %s is no workflow input", name)
		}
		if _, both := expected[name]; both {
			return fmt.Errorf("input %s is both fixed and defaulted", name)
		}
		if err := checkLiteral(name, l, v.GetType()); err != nil {
			return err
		}
		inputs.Literals[name] = l
	}
	for name, v := range wfInputs {
		_, fixed := lp.GetSpec().GetFixedInputs().GetLiterals()[name]
		if _, ok := expected[name]; !ok && !fixed {
			expected[name] = &core.Parameter{Var: v, Behavior: &core.Parameter_Required{Required: true}}
		}
	}
	if s := lp.GetSpec().GetEntityMetadata().GetSchedule(); s != nil {
		for name, p := range expected {
			if p.GetRequired() && name != s.GetKickoffTimeInputArg() {
				return fmt.Errorf("a scheduled launch plan leaves required input %s unbound", name)
			}
		}
		if cs := s.GetCronSchedule(); cs != nil {
			if _, err := cron.ParseStandard(cs.GetSchedule()); err != nil {
				return fmt.Errorf("cron schedule %q: %w", cs.GetSchedule(), err)
			}
		}
	}
	lp.Closure = &admin.LaunchPlanClosure{
		ExpectedInputs:  &core.ParameterMap{Parameters: expected},
		ExpectedOutputs: wf.GetPrimary().GetTemplate().GetInterface().GetOutputs(),
	}
	for name, p := range expected {
		if _, ok := inputs.Literals[name]; !ok && p.GetRequired() {
			inputs.Literals[name] = sample(p.GetVar().GetType())
		}
	}
	execID := &core.WorkflowExecutionIdentifier{Project: project, Domain: domain, Name: "f0123456789"}
	if _, err := k8s.BuildFlyteWorkflow(wf, inputs, execID, project+"-"+domain); err != nil {
		return fmt.Errorf("building the FlyteWorkflow resource: %w", err)
	}
	return nil
}

func checkLiteral(name string, l *core.Literal, want *core.LiteralType) error {
	t := validators.LiteralTypeForLiteral(l)
	if err := validators.ValidateLiteralType(t); err != nil {
		return fmt.Errorf("input %s: invalid literal: %w", name, err)
	}
	if !validators.AreTypesCastable(t, want) {
		return fmt.Errorf("input %s: a literal of type %v where the workflow takes %v", name, t, want)
	}
	return nil
}

// sample is a stand-in value of type t for a required input, so that the resource can be built as for an
// execution (its inputs are type-checked there).
func sample(t *core.LiteralType) *core.Literal {
	scalar := func(s *core.Scalar) *core.Literal { return &core.Literal{Value: &core.Literal_Scalar{Scalar: s}} }
	primitive := func(p *core.Primitive) *core.Literal {
		return scalar(&core.Scalar{Value: &core.Scalar_Primitive{Primitive: p}})
	}
	switch {
	case t.GetCollectionType() != nil:
		return &core.Literal{Value: &core.Literal_Collection{Collection: &core.LiteralCollection{
			Literals: []*core.Literal{sample(t.GetCollectionType())}}}}
	case t.GetMapValueType() != nil:
		return &core.Literal{Value: &core.Literal_Map{Map: &core.LiteralMap{
			Literals: map[string]*core.Literal{"k": sample(t.GetMapValueType())}}}}
	case t.GetEnumType() != nil:
		return primitive(&core.Primitive{Value: &core.Primitive_StringValue{StringValue: t.GetEnumType().GetValues()[0]}})
	case t.GetUnionType() != nil:
		v := t.GetUnionType().GetVariants()[0]
		return scalar(&core.Scalar{Value: &core.Scalar_Union{Union: &core.Union{Value: sample(v), Type: v}}})
	case t.GetBlob() != nil:
		return scalar(&core.Scalar{Value: &core.Scalar_Blob{Blob: &core.Blob{
			Metadata: &core.BlobMetadata{Type: t.GetBlob()}, Uri: "s3://bucket/sample"}}})
	}
	switch t.GetSimple() {
	case core.SimpleType_INTEGER:
		return primitive(&core.Primitive{Value: &core.Primitive_Integer{Integer: 1}})
	case core.SimpleType_FLOAT:
		return primitive(&core.Primitive{Value: &core.Primitive_FloatValue{FloatValue: 1}})
	case core.SimpleType_STRING:
		return primitive(&core.Primitive{Value: &core.Primitive_StringValue{StringValue: "s"}})
	case core.SimpleType_BOOLEAN:
		return primitive(&core.Primitive{Value: &core.Primitive_Boolean{Boolean: true}})
	case core.SimpleType_STRUCT:
		return scalar(&core.Scalar{Value: &core.Scalar_Binary{Binary: &core.Binary{Value: []byte{0x80}, Tag: "msgpack"}}})
	}
	return scalar(&core.Scalar{Value: &core.Scalar_NoneType{NoneType: &core.Void{}}})
}

func key(id *core.Identifier) string {
	return fmt.Sprintf("%v:%s:%s:%s:%s", id.GetResourceType(), id.GetProject(), id.GetDomain(), id.GetName(), id.GetVersion())
}

using PmmlEngine.Backends;
using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A planned document compiled to delegates and flat trees; immutable and shared by every thread's workspace.</summary>
internal sealed class CompiledDocument
{
    private readonly Func<RowContext, int, Value>?[] _computers;
    private readonly IReadOnlyList<CompiledModel> _models;
    private readonly IReadOnlyList<int> _buffers;

    private CompiledDocument(DocumentPlan plan)
    {
        var compiler = new ModelCompiler(plan);
        _computers = compiler.CompileDerivedFields();
        Top = compiler.Compile(plan.Model);
        _models = compiler.Models;
        _buffers = compiler.Buffers;
        Fallbacks = compiler.Fallbacks;
        Plan = plan;
    }

    public static CompiledDocument Compile(DocumentPlan plan) => new(plan);

    public DocumentPlan Plan { get; }
    public CompiledModel Top { get; }

    /// <summary>Every compiled model: the top one and those in its segments.</summary>
    public IReadOnlyList<CompiledModel> Models => _models;

    /// <summary>The parts left to the interpreter, each with its reason; empty when everything compiled.</summary>
    public IReadOnlyList<string> Fallbacks { get; }

    public Workspace CreateWorkspace() => new(Plan, _computers, _models, _buffers);
}

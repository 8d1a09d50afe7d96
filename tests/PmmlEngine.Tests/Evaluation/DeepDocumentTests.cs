using System.Text;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// Documents nested far deeper than a thread's stack could recurse: loading runs on its own deep stack, tree scoring is
/// iterative, and scoring recursion that remains (nested predicates, segmentations) continues on a deep stack when the
/// caller's runs low. Each test runs on a 256 KiB thread, where unchecked recursion would kill the test process.
/// </summary>
[TestFixture]
public sealed class DeepDocumentTests
{
    // 10⁵ element levels (the default DocumentLimits.MaxDepth), less the few around the nesting itself.
    private const int Depth = 99_990;

    // A segmentation level is three elements deep: MiningModel, Segmentation, Segment.
    private const int SegmentationDepth = Depth / 3;

    private static void OnSmallStack(Action test)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { test(); }
            catch (Exception e) { failure = e; }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }

    private static string Document(string model) => Pmml.Document("""
        <DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/>
        """, model);

    [Test]
    public void ADeepTreeLoadsAndScores()
    {
        var model = new StringBuilder("""<TreeModel functionName="regression"><MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema><Node score="0"><True/>""");
        for (var i = 0; i < Depth; i++)
            model.Append($"<Node score=\"{i + 1}\"><SimplePredicate field=\"x\" operator=\"greaterThan\" value=\"{i}\"/>");
        model.Append(new StringBuilder().Insert(0, "</Node>", Depth)).Append("</Node></TreeModel>");
        var document = Document(model.ToString());
        OnSmallStack(() =>
        {
            foreach (var evaluator in Pmml.LoadBoth(document))
            {
                Assert.That(evaluator.Evaluate(Pmml.Row(("x", Depth + 0.5)))["y"], Is.EqualTo((double)Depth));
                Assert.That(evaluator.Evaluate(Pmml.Row(("x", 5.0)))["y"], Is.Null, "no true child at depth 6");
            }
        });
    }

    [Test]
    public void DeeplyNestedPredicatesScore()
    {
        var predicate = new StringBuilder();
        for (var i = 0; i < Depth; i++)
            predicate.Append("""<CompoundPredicate booleanOperator="and">""");
        // The nested part comes first, so every record recurses to the bottom before any comparison decides.
        predicate.Append("<True/>").Append(new StringBuilder().Insert(0, """<SimplePredicate field="x" operator="greaterThan" value="0"/></CompoundPredicate>""", Depth));
        var document = Document($"""
            <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
              <Node score="0"><True/><Node score="1">{predicate}</Node></Node>
            </TreeModel>
            """);
        OnSmallStack(() =>
        {
            // The compiler leaves a predicate this deep to the interpreter (the JIT would reject it), and says so.
            var compiled = PmmlEvaluator.Load(new MemoryStream(Encoding.UTF8.GetBytes(document)));
            Assert.That(compiled.CompilationFallbacks, Has.Some.Contains("levels deep"));
            foreach (var backend in new[] { Backend.Interpreter, Backend.Compiled })
            {
                var evaluator = PmmlEvaluator.Load(new MemoryStream(Encoding.UTF8.GetBytes(document)), new EvaluatorOptions { Backend = backend });
                Assert.That(evaluator.Evaluate(Pmml.Row(("x", 1.0)))["y"], Is.EqualTo(1.0));
                Assert.That(evaluator.Evaluate(Pmml.Row(("x", -1.0)))["y"], Is.Null, "every comparison is false");
            }
        });
    }

    [Test]
    public void DeeplyNestedSegmentationsScore()
    {
        var model = new StringBuilder();
        for (var i = 0; i < SegmentationDepth; i++)
            model.Append("""<MiningModel functionName="regression"><MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema><Segmentation multipleModelMethod="sum"><Segment><True/>""");
        model.Append("""<RegressionModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema><RegressionTable intercept="1"/></RegressionModel>""");
        model.Append(new StringBuilder().Insert(0, "</Segment></Segmentation></MiningModel>", SegmentationDepth));
        var document = Document(model.ToString());
        OnSmallStack(() =>
        {
            foreach (var evaluator in Pmml.LoadBoth(document))
                Assert.That(evaluator.Evaluate(Pmml.Row(("x", 1.0)))["y"], Is.EqualTo(1.0));
        });
    }
}

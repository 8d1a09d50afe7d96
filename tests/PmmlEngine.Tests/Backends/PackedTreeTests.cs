using System.Runtime.Intrinsics;
using PmmlEngine.Backends.Compiled;
using PmmlEngine.Benchmarks;
using PmmlEngine.Evaluation;
using PmmlEngine.Tests.Conformance;

namespace PmmlEngine.Tests.Backends;

/// <summary>
/// The batch kernel's packed trees, in both layouts (complete in heap order, and linked), reach the leaf the compiled
/// single-record walk reaches, on feature vectors whose values sit on, just above and away from the trees' thresholds.
/// </summary>
public sealed class PackedTreeTests
{
    private static IEnumerable<TestCaseData> Models()
    {
        // Full trees (complete without padding), unbalanced ones (padded, or linked where padding would quadruple them),
        // trees deeper than a complete layout takes, and complete trees too shallow for the vector compares of the top
        // levels, which are walked step by step throughout.
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 10, depth: 2, features: 8, seed: 2)).SetName("Packed_ShallowTrees");
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 20, depth: 6, features: 8, seed: 3)).SetName("Packed_FullTrees");
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 40, depth: 7, features: 8, seed: 4, minLeafDepth: 1)).SetName("Packed_UnbalancedTrees");
        yield return new TestCaseData(ModelGenerator.Gbdt(trees: 10, depth: 12, features: 8, seed: 5, minLeafDepth: 2)).SetName("Packed_DeepTrees");
    }

    [TestCaseSource(nameof(Models))]
    public void BothLayouts_ReachTheSingleRecordLeaf(string pmml)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        BothLayouts(PmmlEvaluator.Load(stream), indicators: false, missingValues: false);
    }

    /// <summary>
    /// Forests with tests other than "x ≤ t" (category equalities, LightGBM's and XGBoost's category sets, float32
    /// equalities) packed with those tests as indicator features.
    /// </summary>
    [TestCase("GradientBoostingAuto")]
    [TestCase("LightGBMAuto")]
    [TestCase("XGBoostAuto")]
    public void WithIndicators_BothLayouts_ReachTheSingleRecordLeaf(string name)
    {
        BothLayouts(Load(name), indicators: true, missingValues: false);
    }

    /// <summary>
    /// LightGBM's and XGBoost's trees send a missing value along one of each test's edges, so rows with missing (and
    /// invalid) values are packed too, each keyed below or above every threshold as its test's unknown edge asks.
    /// </summary>
    [TestCase("LightGBMAutoNA")]
    [TestCase("LightGBMAuditNA")]
    [TestCase("XGBoostAutoNA")]
    [TestCase("XGBoostAuditNA")]
    public void WithMissingValues_BothLayouts_ReachTheSingleRecordLeaf(string name) =>
        BothLayouts(Load(name), indicators: true, missingValues: true);

    /// <summary>
    /// The batch kernel takes rows with missing values where every test sends one along an edge; the generated GBDT
    /// returns the last prediction for one (noTrueChildStrategy), an outcome of its own, so those rows keep the plain walk.
    /// </summary>
    [Test]
    public void TreeSum_TakesMissingValuesWhereTestsSendThemAlongAnEdge()
    {
        Assert.That(Sums(Load("LightGBMAutoNA")).Single().MissingValues, Is.True);
        Assert.That(Sums(Load("LightGBMAuditNA")).Single().MissingValues, Is.True);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ModelGenerator.Gbdt(trees: 20, depth: 6, features: 8, seed: 3)));
        var gbdt = Sums(PmmlEvaluator.Load(stream)).Single();
        Assert.That(gbdt.Packed, Is.True);
        Assert.That(gbdt.MissingValues, Is.False);
    }

    /// <summary>The batch kernel takes a forest packed when its indicators are few beside the steps a row walks.</summary>
    [TestCase("GradientBoostingAuto", true)]
    [TestCase("LightGBMAuto", true)]
    [TestCase("RandomForestAuto", true)]
    [TestCase("XGBoostAuto", true)]
    public void TreeSum_PackedWhereIndicatorsAreFew(string name, bool packed)
    {
        var engine = (CompiledEngine)Load(name).Engine;
        Assert.That(engine.TreeSum?.Packed, Is.EqualTo(packed));
    }

    /// <summary>
    /// A classifier's model chain has its tree sums computed by the kernel for a block, then each record scored with its
    /// sums preset, when the sums' features are prepared inputs; XGBoostSentiment's TF-IDF terms are computed features.
    /// </summary>
    [TestCase("GradientBoostingAudit", 1)]
    [TestCase("LightGBMAudit", 1)]
    [TestCase("XGBoostIris", 3)]
    [TestCase("XGBoostAudit", 1)]
    [TestCase("XGBoostAuditNA", 1)]
    [TestCase("XGBoostSentiment", 0)]
    public void ModelChain_TreeSumKernels(string name, int kernels)
    {
        var engine = (CompiledEngine)Load(name).Engine;
        Assert.That(engine.ChainSums, Has.Length.EqualTo(kernels));
    }

    /// <summary>
    /// A classification forest that averages or votes has its trees walked by the packed kernel to outcomes for a block,
    /// whose shares are then tallied, when its features are prepared inputs; RandomForestSentiment's are TF-IDF terms.
    /// </summary>
    [TestCase("RandomForestAudit", true)]
    [TestCase("RandomForestIris", true)]
    [TestCase("RandomForestSentiment", false)]
    public void Forest_TallyKernel(string name, bool kernel)
    {
        var engine = (CompiledEngine)Load(name).Engine;
        Assert.That(engine.Tally, kernel ? Is.Not.Null : Is.Null);
    }

    /// <summary>
    /// XGBoostAuto's category sets (174 distinct sets of model years, 12 of cylinder counts) each needed an indicator,
    /// more than the steps a row walks; masked, they read one column per feature and its trees walk with masks.
    /// </summary>
    [Test]
    public void CategorySets_MaskedInOneColumnPerFeature()
    {
        var engine = (CompiledEngine)Load("XGBoostAuto").Engine;
        var trees = engine.TreeSum!.Ensemble.Trees!;
        var width = engine.TreeSum.Features.Count;
        var unmasked = new TestIndicators(width);
        var masked = new TestIndicators(width, forest: trees);
        var packed = trees.Select(t => PackedTree.From(t, indicators: masked)!).ToArray();
        foreach (var tree in trees)
            PackedTree.From(tree, indicators: unmasked);
        Assert.That(unmasked.Count, Is.GreaterThan(trees.Sum(t => t.Depth) / 2));
        Assert.That(masked.Count, Is.LessThan(unmasked.Count - 180));
        Assert.That(packed.Count(p => p.Masked), Is.GreaterThan(trees.Length / 2));
    }

    /// <summary>
    /// XGBoost writes equalities on its integer categories as float32 ranges, [n − ε, n + ε]; on a feature that holds whole
    /// numbers such a range is the set {n}, masked in the feature's bit column. XGBoostAuto then needs three bit columns
    /// (cylinders, model year, origin) and four that key missing values above every threshold, where its 16 ranges each
    /// had an indicator.
    /// </summary>
    [Test]
    public void RangesOnIntegerInputs_MaskedAsSets()
    {
        var engine = (CompiledEngine)Load("XGBoostAuto").Engine;
        var trees = engine.TreeSum!.Ensemble.Trees!;
        Assert.That(trees.Sum(t => t.Tests.Count(test => test.Op == TestOp.InRange)), Is.GreaterThan(100));
        var indicators = new TestIndicators(engine.TreeSum.Features.Count, engine.TreeSum.MissingValues, trees);
        foreach (var tree in trees)
            PackedTree.From(tree, indicators: indicators);
        Assert.That(indicators.Count, Is.EqualTo(7));
    }

    /// <summary>
    /// A feature holds whole numbers when it reads an integer input through numeric casts and MiningFields whose
    /// replacements and outlier bounds are whole: not a double input, nor an integer one clamped to a fraction.
    /// </summary>
    [Test]
    public void HoldsWholeNumbers_FollowsInputsCastsAndTreatments()
    {
        var fields = new (string Name, string Type, string Treatment, bool Whole)[]
        {
            ("i", "integer", "", true),
            ("d", "double", "", false),
            ("r", "integer", "missingValueReplacement=\"3\"", true),
            ("c", "integer", "outliers=\"asExtremeValues\" lowValue=\"2.5\" highValue=\"9\"", false),
            ("w", "integer", "outliers=\"asExtremeValues\" lowValue=\"2\" highValue=\"9\"", true),
        };
        var tests = string.Concat(fields.Select((f, k) => $$"""
            <Segment id="{{k + 1}}"><True/><TreeModel functionName="regression">
              <MiningSchema><MiningField name="{{f.Name}}"/></MiningSchema>
              <Node score="0"><True/>
                <Node score="1"><SimplePredicate field="{{(f.Name == "i" ? "double(float(i))" : f.Name)}}" operator="lessOrEqual" value="4.5"/></Node>
                <Node score="2"><True/></Node>
              </Node>
            </TreeModel></Segment>
            """));
        var pmml = $$"""
            <PMML version="4.4" xmlns="http://www.dmg.org/PMML-4_4"><Header/>
              <DataDictionary>
                {{string.Concat(fields.Select(f => $"""<DataField name="{f.Name}" optype="continuous" dataType="{f.Type}"/>"""))}}
                <DataField name="y" optype="continuous" dataType="double"/>
              </DataDictionary>
              <TransformationDictionary>
                <DerivedField name="float(i)" optype="continuous" dataType="float"><FieldRef field="i"/></DerivedField>
                <DerivedField name="double(float(i))" optype="continuous" dataType="double"><FieldRef field="float(i)"/></DerivedField>
              </TransformationDictionary>
              <MiningModel functionName="regression">
                <MiningSchema>{{string.Concat(fields.Select(f => $"""<MiningField name="{f.Name}" {f.Treatment}/>"""))}}<MiningField name="y" usageType="target"/></MiningSchema>
                <Segmentation multipleModelMethod="sum">{{tests}}</Segmentation>
              </MiningModel>
            </PMML>
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        var evaluator = PmmlEvaluator.Load(stream);
        var features = ((CompiledEngine)evaluator.Engine).TreeSum!.Features;
        var plan = evaluator.DocumentPlan;
        var names = Enumerable.Range(0, features.Count).ToDictionary(f => plan.Slots[plan.CopyRoot(features.Slot(f), out _)].Name);
        foreach (var (name, _, _, whole) in fields)
            Assert.That(features.HoldsWholeNumbers(names[name]), Is.EqualTo(whole), name);
    }

    /// <summary>
    /// Equalities with whole numbers from 0 up are masked like sets of one; a negative one keeps its indicator (a value's
    /// bit is counted from an origin of 0 or more, where "value − origin" is exact). Values on, beside and far from them,
    /// both zeros, a subnormal and a missing value, scored by the packed kernel and one at a time, to the bit.
    /// </summary>
    [Test]
    public void NumericEqualities_MaskedAsSetsOfOne()
    {
        var constants = new[] { "0", "1", "2", "61", "-1" };
        var trees = string.Concat(constants.Select((c, k) => $$"""
            <Segment id="{{k + 1}}"><True/><TreeModel functionName="regression" missingValueStrategy="defaultChild">
              <MiningSchema><MiningField name="x"/></MiningSchema>
              <Node score="0" defaultChild="{{k}}a"><True/>
                <Node id="{{k}}a" score="{{1 << k}}"><SimplePredicate field="x" operator="equal" value="{{c}}"/></Node>
                <Node score="0"><SimplePredicate field="x" operator="notEqual" value="{{c}}"/></Node>
              </Node>
            </TreeModel></Segment>
            """));
        var pmml = $$"""
            <PMML version="4.4" xmlns="http://www.dmg.org/PMML-4_4"><Header/>
              <DataDictionary><DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/></DataDictionary>
              <MiningModel functionName="regression">
                <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
                <Segmentation multipleModelMethod="sum">{{trees}}</Segmentation>
              </MiningModel>
            </PMML>
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pmml));
        var evaluator = PmmlEvaluator.Load(stream);
        var kernel = ((CompiledEngine)evaluator.Engine).TreeSum!;
        Assert.That(kernel.Packed && kernel.MissingValues, Is.True, "the kernel takes the rows");
        double[] xs = [-1, -0.0, 0, 1e-20, double.Epsilon, 1, Math.BitIncrement(1), 2, 60.5, 61, 62, 63, 1e300, -1e300, double.NaN];
        var inputs = Enumerable.Repeat(xs, 40).SelectMany(x => x).ToArray();
        var results = new double[inputs.Length];
        evaluator.EvaluateBatch(inputs, results, degreeOfParallelism: 1);
        var scorer = evaluator.CreateScorer();
        for (var i = 0; i < xs.Length; i++)
        {
            if (double.IsNaN(xs[i]))
                scorer.SetMissing(0);
            else
                scorer.SetInput(0, xs[i]);
            scorer.Evaluate();
            Assert.That(results[i], Is.EqualTo(scorer.GetNumber(0)), $"x = {xs[i]:R}");
        }
    }

    private static PmmlEvaluator Load(string name) =>
        PmmlEvaluator.Load(ConformanceCase.Load().Single(c => c.Name.EndsWith("/" + name, StringComparison.Ordinal)).Pmml);

    /// <summary>The batch's tree sums: the top model's, or those of a classifier's chain.</summary>
    private static TreeSumBatch[] Sums(PmmlEvaluator evaluator)
    {
        var engine = (CompiledEngine)evaluator.Engine;
        return engine.TreeSum is { } top ? [top] : engine.ChainSums;
    }

    private static void BothLayouts(PmmlEvaluator evaluator, bool indicators, bool missingValues)
    {
        var engine = (CompiledEngine)evaluator.Engine;
        var ensemble = engine.TreeSum?.Ensemble ?? ((CompiledEnsemble)engine.Document.Top).Chained.OfType<CompiledEnsemble>().First(e => e.Trees is not null);
        var trees = ensemble.Trees!;
        var features = ensemble.Features!;
        var row = engine.CreateWorkspace().Row;
        var random = new Random(11);
        var layouts = new HashSet<bool>();
        var tests = indicators ? new TestIndicators(features.Count, missingValues, trees) : null;
        var packedOthers = false;
        var masked = false;
        var wide = false;
        foreach (var tree in trees)
        {
            var complete = PackedTree.From(tree, indicators: tests);
            var narrow = PackedTree.From(tree, indicators: tests, wide: false);
            var linked = PackedTree.From(tree, allowComplete: false, indicators: tests);
            if (complete is null || narrow is null || linked is null)
                continue;
            wide |= complete.Wide;
            Assert.That(narrow.Wide, Is.False);
            Assert.That(complete.Wide, Is.EqualTo(complete.Complete && complete.Depth >= 4 && Vector512.IsHardwareAccelerated));
            packedOthers |= !tree.OnlyLessOrEqual;
            masked |= complete.Masked;
            Assert.That(linked.Masked, Is.EqualTo(complete.Masked));
            layouts.Add(complete.Complete);
            Assert.That(linked.Complete, Is.False);
            Assert.That(complete.Complete, Is.EqualTo(tree.Depth <= PackedTree.MaxCompleteDepth && (2 << tree.Depth) <= 4 * (tree.Tests.Length + tree.Outcomes.Length) + 16));
            var width = features.Count;
            // 61 rows: seven full groups and a last one of five, filled up with copies of its last row.
            var rows = Vectors(tree, 61, width, random, missingValues);
            var columns = width + (tests?.Count ?? 0);
            var groups = new long[8 * PackedTree.Lanes * columns];
            Assert.That(PackedTree.Group(rows, 61, width, groups, tests), Is.EqualTo(8));
            var expected = new double[8 * PackedTree.Lanes];
            for (var r = 0; r < expected.Length; r++)
                expected[r] = tree.OutcomeScores[tree.Walk(rows.AsSpan(Math.Min(r, 60) * width, width), row, out _)];
            var actual = new double[expected.Length];
            var stride = PackedTree.Lanes * columns;
            foreach (var layout in new[] { complete, narrow, linked })
            {
                // 0 + score is the score. A group alone, then the eight in one walk (the top levels of each group are
                // compared while the one before it takes its steps).
                for (var g = 0; g < 8; g++)
                {
                    Array.Clear(actual);
                    layout.AddGroups<PlainLaneSum>(groups.AsSpan(g * stride), 1, stride, actual, 1.0);
                    Assert.That(actual[..PackedTree.Lanes], Is.EqualTo(expected[(g * PackedTree.Lanes)..((g + 1) * PackedTree.Lanes)]),
                        $"group {g}, complete: {layout.Complete}, wide: {layout.Wide}");
                }
                Array.Clear(actual);
                layout.AddGroups<PlainLaneSum>(groups, 8, stride, actual, 1.0);
                Assert.That(actual, Is.EqualTo(expected), $"all groups, complete: {layout.Complete}, wide: {layout.Wide}");
            }
        }
        Assert.That(layouts, Is.Not.Empty, "no tree was packed");
        Assert.That(packedOthers, Is.EqualTo(indicators), "trees with other tests than x ≤ t were packed");
        // The corpus's equalities are with category codes, sets of one.
        Assert.That(masked, Is.EqualTo(indicators && trees.Any(t => t.Tests.Any(test => test.Op is TestOp.InSet or TestOp.Equal))), "set tests were masked");
        TestContext.Out.WriteLine($"packed layouts by default (complete?): {string.Join(", ", layouts)}; wide top levels: {wide}");
    }

    /// <summary>The batch's group buffers start on a 64-byte line, where 512-bit loads of a group's feature pay.</summary>
    [Test]
    public void Aligned_StartsOnACacheLineWithinTheArray()
    {
        foreach (var length in new[] { 0, 1, 100, 20_000 })
        {
            for (var shift = 0; shift < PackedTree.Lanes; shift++)
            {
                // Pinned, so that the address checked is the one Aligned saw; arrays of several lengths start at several offsets.
                var rented = GC.AllocateArray<long>(length + PackedTree.Lanes - 1 + shift, pinned: true);
                var groups = PackedTree.Aligned(rented, length);
                Assert.That(groups.Length, Is.EqualTo(length));
                var start = System.Runtime.CompilerServices.Unsafe.ByteOffset(ref rented[0], ref System.Runtime.InteropServices.MemoryMarshal.GetReference(groups));
                Assert.That((long)start, Is.InRange(0L, 8L * (PackedTree.Lanes - 1)));
                var address = System.Runtime.CompilerServices.Unsafe.ByteOffset(ref System.Runtime.CompilerServices.Unsafe.NullRef<long>(),
                    ref System.Runtime.InteropServices.MemoryMarshal.GetReference(groups));
                Assert.That((long)address % 64, Is.Zero, $"length {length}, shift {shift}");
            }
        }
    }

    [Test]
    public void Keys_CompareAsTheNumbers()
    {
        // Every pair of: zeros of both signs, infinities, the extremes and smallest subnormals, neighbours of 1 and
        // random numbers of both signs and many magnitudes.
        var random = new Random(5);
        var numbers = new List<double>
        {
            0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon,
            -double.Epsilon, 1.0, Math.BitIncrement(1.0), Math.BitDecrement(1.0), -1.0, Math.BitDecrement(-1.0),
        };
        for (var i = 0; i < 60; i++)
            numbers.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-320, 308)));
        foreach (var x in numbers)
        {
            foreach (var t in numbers)
                Assert.That(PackedTree.Key(x) > PackedTree.Key(t), Is.EqualTo(x > t), $"{x:R} > {t:R}");
        }
    }

    /// <summary>
    /// Rows whose every feature is one of the tree's split points for it (an interval's ends, a set's members, small whole
    /// numbers for category codes), the double above one, or a random number, rounded to a whole number where the feature
    /// holds only those; with <paramref name="missingValues"/>, one feature in four is missing and one in twenty invalid
    /// instead.
    /// </summary>
    private static double[] Vectors(FlatTree tree, int rows, int width, Random random, bool missingValues = false)
    {
        var points = Enumerable.Range(0, width).Select(_ => new List<double> { 0, 1, 2, 3 }).ToArray();
        foreach (var test in tree.Tests)
        {
            if (test.IsInterval)
                points[test.Feature].AddRange([test.Threshold, test.Low]);
            else if (test.Op == TestOp.InValues)
                points[test.Feature].AddRange(tree.Numbers.AsSpan(test.Aux, (int)test.Threshold).ToArray());
            else if (test.Op == TestOp.InSet)
                points[test.Feature].AddRange(Enumerable.Range(0, 64 * (int)test.Threshold).Select(code => (double)code));
        }
        var whole = Enumerable.Range(0, width).Select(tree.Features.HoldsWholeNumbers).ToArray();
        var block = new double[rows * width];
        for (var i = 0; i < block.Length; i++)
        {
            var candidates = points[i % width].Where(double.IsFinite).ToArray();
            var pick = candidates[random.Next(candidates.Length)];
            block[i] = random.Next(3) switch
            {
                0 => pick,
                1 => Math.BitIncrement(pick),
                _ => random.NextDouble() * 20 - 10,
            };
            // A feature that holds whole numbers (an integer input) gets whole numbers: the nearest and the next one.
            if (whole[i % width])
                block[i] = Math.Round(block[i]) + random.Next(2);
            if (missingValues && random.Next(20) is var roll && roll < 6)
                block[i] = roll == 0 ? Features.Invalid : Features.Missing;
        }
        return block;
    }
}

using PmmlEngine.Backends.Compiled;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// Batches of tree sums read a row's features straight from its inputs when the MiningSchema keeps every value as it is
/// or leaves a missing one missing (<see cref="KeptFeatures"/>), and through the record otherwise. Under each treatment
/// of missing, invalid and outlying values, a regression forest and a classifier's model chain score random rows —
/// values inside, on and outside an interval and outlier bounds, missing values, unlisted and fractional category
/// codes, numbers either side of a float cast's rounding — in the batch and one at a time, to the bit.
/// </summary>
public sealed class KeptFeaturesBatchTests
{
    // (double)0.1f: a number just above it is still 0.1f after the float cast, so a walk that skips the cast goes the other way.
    private const double FloatThreshold = 0.10000000149011612;

    /// <summary>MiningField attributes of x1, x2 and c, and whether the sum is a classifier's chain.</summary>
    internal static readonly object[][] Treatments =
    [
        ["", "", "", false],
        ["", "", "", true],
        ["invalidValueTreatment=\"asMissing\"", "outliers=\"asExtremeValues\" lowValue=\"-1\" highValue=\"1\"", "invalidValueTreatment=\"asMissing\"", false],
        ["invalidValueTreatment=\"asMissing\"", "outliers=\"asMissingValues\" lowValue=\"-1\" highValue=\"1\"", "invalidValueTreatment=\"asMissing\"", true],
        ["invalidValueTreatment=\"asValue\" invalidValueReplacement=\"1.5\" missingValueReplacement=\"-0.25\"", "", "missingValueReplacement=\"b\"", false],
        ["missingValueTreatment=\"returnInvalid\"", "missingValueTreatment=\"returnInvalid\"", "", false],
        ["missingValueTreatment=\"returnInvalid\"", "", "missingValueTreatment=\"returnInvalid\"", true],
        // Not c: an unlisted code is no text in the batch layout but an invalid value, which asIs treats as missing.
        ["invalidValueTreatment=\"asIs\"", "", "", true],
    ];

    [TestCaseSource(nameof(Treatments))]
    public void TreeSums_MatchTheRowScorer_UnderEachTreatment(string x1, string x2, string c, bool chain)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Document(x1, x2, c, chain)));
        var evaluator = PmmlEvaluator.Load(stream);
        var engine = (CompiledEngine)evaluator.Engine;
        var kernel = chain ? engine.ChainSums.Single() : engine.TreeSum!;
        Assert.That(KeptFeatures.TryCreate(evaluator.DocumentPlan, evaluator.DocumentPlan.Model, kernel.Features), Is.Not.Null, "rows are read from their inputs");
        BatchTests.AssertMatchesRowScorer(evaluator, Rows(evaluator.InputFields.Select(f => f.Name).ToArray(), 3_000, seed: 11));
    }

    internal static double[] Rows(string[] names, int count, int seed)
    {
        var random = new Random(seed);
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        var rows = new double[count * names.Length];
        for (var r = 0; r < count; r++)
        {
            for (var i = 0; i < names.Length; i++)
            {
                rows[r * names.Length + i] = names[i] switch
                {
                    "x1" => Pick(double.NaN, -2, 2, Math.BitIncrement(2.0), -2.5, 3, 0.3, random.NextDouble() * 5 - 2.5, random.NextDouble() * 4 - 2),
                    "x2" => Pick(double.NaN, -1, 1, 1.5, -0.5, random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2),
                    "x3" => Pick(double.NaN, FloatThreshold, Math.BitIncrement(FloatThreshold), Math.BitDecrement(FloatThreshold), random.NextDouble() - 0.5),
                    _ => Pick(double.NaN, 0, 1, 2, 3, 0.5, 1, 2),
                };
            }
        }
        return rows;
    }

    /// <summary>
    /// Three trees over an interval field x1, a field x2, a float cast of x3 and a category c; missing values go to each
    /// test's default child. The top MiningSchema carries the treatments; <paramref name="chain"/> wraps the sum in a
    /// classifier's model chain, as XGBoost's and LightGBM's converters write it.
    /// </summary>
    internal static string Document(string x1, string x2, string c, bool chain)
    {
        static string Split(string id, string field, double threshold, string low, string high) => $"""
            <Node score="0" defaultChild="{id}l"><True/>
              <Node id="{id}l" score="{low}"><SimplePredicate field="{field}" operator="lessOrEqual" value="{threshold:R}"/></Node>
              <Node id="{id}h" score="{high}"><SimplePredicate field="{field}" operator="greaterThan" value="{threshold:R}"/></Node>
            </Node>
            """;
        var trees = $$"""
            <Segment id="t1"><True/><TreeModel functionName="regression" missingValueStrategy="defaultChild">
              <MiningSchema><MiningField name="x1"/><MiningField name="x2"/></MiningSchema>
              <Node score="0" defaultChild="a"><True/>
                <Node id="a" score="0" defaultChild="al"><SimplePredicate field="x1" operator="lessOrEqual" value="0.3"/>
                  <Node id="al" score="1.25"><SimplePredicate field="x2" operator="lessOrEqual" value="-0.5"/></Node>
                  <Node id="ah" score="-0.75"><SimplePredicate field="x2" operator="greaterThan" value="-0.5"/></Node>
                </Node>
                <Node id="b" score="0.5"><SimplePredicate field="x1" operator="greaterThan" value="0.3"/></Node>
              </Node>
            </TreeModel></Segment>
            <Segment id="t2"><True/><TreeModel functionName="regression" missingValueStrategy="defaultChild">
              <MiningSchema><MiningField name="c"/></MiningSchema>
              <Node score="0" defaultChild="in"><True/>
                <Node id="in" score="0.125"><SimpleSetPredicate field="c" booleanOperator="isIn"><Array type="string">a b</Array></SimpleSetPredicate></Node>
                <Node id="out" score="-2"><SimpleSetPredicate field="c" booleanOperator="isNotIn"><Array type="string">a b</Array></SimpleSetPredicate></Node>
              </Node>
            </TreeModel></Segment>
            <Segment id="t3"><True/><TreeModel functionName="regression" missingValueStrategy="defaultChild">
              <MiningSchema><MiningField name="double(float(x3))"/><MiningField name="x2"/></MiningSchema>
              {{Split("f", "double(float(x3))", FloatThreshold, "3", "-3.5")}}
            </TreeModel></Segment>
            <Segment id="t4"><True/><TreeModel functionName="regression" missingValueStrategy="defaultChild">
              <MiningSchema><MiningField name="x2"/></MiningSchema>
              {{Split("g", "x2", 0.75, "0.0625", "4")}}
            </TreeModel></Segment>
            """;
        var sum = $"""<Segmentation multipleModelMethod="sum" missingPredictionTreatment="returnMissing">{trees}</Segmentation>""";
        var fields = """<MiningField name="x1"/><MiningField name="x2"/><MiningField name="x3"/><MiningField name="c"/>""";
        var model = chain
            ? $$"""
              <MiningModel functionName="classification">
                <MiningSchema><MiningField name="x1" {{x1}}/><MiningField name="x2" {{x2}}/><MiningField name="x3"/><MiningField name="c" {{c}}/><MiningField name="y" usageType="target"/></MiningSchema>
                <Segmentation multipleModelMethod="modelChain" missingPredictionTreatment="returnMissing">
                  <Segment id="1"><True/>
                    <MiningModel functionName="regression">
                      <MiningSchema>{{fields}}</MiningSchema>
                      <Output><OutputField name="score" optype="continuous" dataType="double" feature="predictedValue" isFinalResult="false"/></Output>
                      <LocalTransformations>{{Casts}}</LocalTransformations>
                      {{sum}}
                    </MiningModel>
                  </Segment>
                  <Segment id="2"><True/>
                    <RegressionModel functionName="classification" normalizationMethod="logit">
                      <MiningSchema><MiningField name="score"/><MiningField name="y" usageType="target"/></MiningSchema>
                      <Output>
                        <OutputField name="probability(yes)" optype="continuous" dataType="double" feature="probability" value="yes"/>
                        <OutputField name="probability(no)" optype="continuous" dataType="double" feature="probability" value="no"/>
                      </Output>
                      <RegressionTable intercept="0.25" targetCategory="yes"><NumericPredictor name="score" coefficient="1"/></RegressionTable>
                      <RegressionTable intercept="0" targetCategory="no"/>
                    </RegressionModel>
                  </Segment>
                </Segmentation>
              </MiningModel>
              """
            : $$"""
              <MiningModel functionName="regression">
                <MiningSchema><MiningField name="x1" {{x1}}/><MiningField name="x2" {{x2}}/><MiningField name="x3"/><MiningField name="c" {{c}}/><MiningField name="y" usageType="target"/></MiningSchema>
                <LocalTransformations>{{Casts}}</LocalTransformations>
                {{sum}}
              </MiningModel>
              """;
        var target = chain
            ? """<DataField name="y" optype="categorical" dataType="string"><Value value="no"/><Value value="yes"/></DataField>"""
            : """<DataField name="y" optype="continuous" dataType="double"/>""";
        return $$"""
            <PMML version="4.4" xmlns="http://www.dmg.org/PMML-4_4"><Header/>
              <DataDictionary>
                <DataField name="x1" optype="continuous" dataType="double"><Interval closure="closedClosed" leftMargin="-2" rightMargin="2"/></DataField>
                <DataField name="x2" optype="continuous" dataType="double"/>
                <DataField name="x3" optype="continuous" dataType="double"/>
                <DataField name="c" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/><Value value="c"/></DataField>
                {{target}}
              </DataDictionary>
              {{model}}
            </PMML>
            """;
    }

    private const string Casts = """
        <DerivedField name="float(x3)" optype="continuous" dataType="float"><FieldRef field="x3"/></DerivedField>
        <DerivedField name="double(float(x3))" optype="continuous" dataType="double"><FieldRef field="float(x3)"/></DerivedField>
        """;
}

namespace PmmlEngine.Tests.Evaluation;

/// <summary>
/// NaiveBayesModel with discrete, binned, Gaussian and Poisson inputs on both backends. Expectations were computed from
/// the PMML 4.4 formulas in Python (log space, math.lgamma for the Poisson factorial), not by the engine.
/// </summary>
[TestFixture]
public sealed class NaiveBayesTests
{
    internal const string Document = """
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
          <DataDictionary>
            <DataField name="color" optype="categorical" dataType="string"><Value value="red"/><Value value="blue"/><Value value="green"/></DataField>
            <DataField name="size" optype="continuous" dataType="double"/>
            <DataField name="n" optype="continuous" dataType="integer"/>
            <DataField name="w" optype="continuous" dataType="double"/>
            <DataField name="y" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>
          </DataDictionary>
          <NaiveBayesModel functionName="classification" threshold="0.001">
            <MiningSchema>
              <MiningField name="color"/><MiningField name="size"/><MiningField name="n"/><MiningField name="w"/><MiningField name="y" usageType="target"/>
            </MiningSchema>
            <Output><OutputField name="pa" feature="probability" value="a"/><OutputField name="pb" feature="probability" value="b"/></Output>
            <BayesInputs>
              <BayesInput fieldName="color">
                <PairCounts value="red"><TargetValueCounts><TargetValueCount value="a" count="30"/><TargetValueCount value="b" count="10"/></TargetValueCounts></PairCounts>
                <PairCounts value="blue"><TargetValueCounts><TargetValueCount value="a" count="30"/><TargetValueCount value="b" count="0"/></TargetValueCounts></PairCounts>
                <PairCounts value="green"><TargetValueCounts><TargetValueCount value="a" count="0"/><TargetValueCount value="b" count="30"/></TargetValueCounts></PairCounts>
              </BayesInput>
              <BayesInput fieldName="size">
                <TargetValueStats>
                  <TargetValueStat value="a"><GaussianDistribution mean="5" variance="4"/></TargetValueStat>
                  <TargetValueStat value="b"><GaussianDistribution mean="8" variance="1"/></TargetValueStat>
                </TargetValueStats>
              </BayesInput>
              <BayesInput fieldName="w">
                <DerivedField optype="categorical" dataType="string">
                  <Discretize field="w"><DiscretizeBin binValue="low"><Interval closure="openOpen" rightMargin="10"/></DiscretizeBin>
                    <DiscretizeBin binValue="high"><Interval closure="closedOpen" leftMargin="10"/></DiscretizeBin></Discretize>
                </DerivedField>
                <PairCounts value="low"><TargetValueCounts><TargetValueCount value="a" count="45"/><TargetValueCount value="b" count="10"/></TargetValueCounts></PairCounts>
                <PairCounts value="high"><TargetValueCounts><TargetValueCount value="a" count="15"/><TargetValueCount value="b" count="30"/></TargetValueCounts></PairCounts>
              </BayesInput>
              <Extension>
                <BayesInput fieldName="n">
                  <TargetValueStats>
                    <TargetValueStat value="a"><PoissonDistribution mean="2"/></TargetValueStat>
                    <TargetValueStat value="b"><PoissonDistribution mean="5"/></TargetValueStat>
                  </TargetValueStats>
                </BayesInput>
              </Extension>
            </BayesInputs>
            <BayesOutput fieldName="y">
              <TargetValueCounts><TargetValueCount value="a" count="60"/><TargetValueCount value="b" count="40"/></TargetValueCounts>
            </BayesOutput>
          </NaiveBayesModel>
        </PMML>
        """;

    [TestCase("red", 6.0, 3, 5.0, "a", 0.974173924651829, 0.02582607534817119)]
    [TestCase("blue", 9.0, 0, 20.0, "a", 0.9982181394135167, 0.0017818605864832443)]   // blue never seen with b: the threshold
    [TestCase(null, null, null, null, "a", 0.6, 0.4)]                                     // every input missing: the class counts
    [TestCase("green", 20.0, 7, 12.0, "b", 2.193828116456108e-05, 0.9999780617188354)]  // size 20's density for a floors at the threshold
    public void Classifies(string? color, double? size, int? n, double? w, string predicted, double pa, double pb)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document))
        {
            var result = evaluator.Evaluate(Pmml.Row(("color", color), ("size", size), ("n", n), ("w", w)));
            Assert.That(result["y"], Is.EqualTo(predicted));
            Assert.That((double)result["pa"]!, Is.EqualTo(pa).Within(1e-13));
            Assert.That((double)result["pb"]!, Is.EqualTo(pb).Within(1e-13));
        }
    }

    [Test]
    public void AnInvalidCategoryIsAnErrorNamingTheField()
    {
        foreach (var evaluator in Pmml.LoadBoth(Document))
        {
            var error = Assert.Throws<Errors.PmmlEvaluationException>(() => evaluator.Evaluate(Pmml.Row(("color", "purple"))));
            Assert.That(error!.Field, Is.EqualTo("color"));
        }
    }
}

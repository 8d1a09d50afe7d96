using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>Typed inputs of <see cref="RowScorer"/> that have no text form: categories by position.</summary>
[TestFixture]
public sealed class RowScorerTests
{
    [Test]
    public void SetCategory_ScoresAsTheCategoryText()
    {
        var evaluator = PmmlEvaluator.Load(Path.Combine(TestPaths.Samples, "gbdt-ensemble.pmml"));
        var sector = evaluator.InputFields.Select((f, i) => (f, i)).Single(p => p.f.Name == "sector").i;
        var byText = evaluator.CreateScorer();
        var byCategory = evaluator.CreateScorer();
        for (var k = 0; k < evaluator.InputFields[sector].Values.Count; k++)
        {
            foreach (var scorer in new[] { byText, byCategory })
            {
                scorer.SetInput(0, 45.0);
                scorer.SetInput(1, 80000.0);
            }
            byText.SetInput(sector, (string)evaluator.InputFields[sector].Values[k]!);
            byCategory.SetCategory(sector, k);
            byText.Evaluate();
            byCategory.Evaluate();
            for (var j = 0; j < evaluator.ResultNames.Count; j++)
                Assert.That(byCategory.GetValue(j), Is.EqualTo(byText.GetValue(j)), $"category {k}, {evaluator.ResultNames[j]}");
        }
    }

    [TestCase(-1)]
    [TestCase(3)]
    public void SetCategory_OutsideTheDeclaredValues_Throws(int category)
    {
        var evaluator = PmmlEvaluator.Load(Path.Combine(TestPaths.Samples, "gbdt-ensemble.pmml"));
        Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.CreateScorer().SetCategory(2, category));
    }
}

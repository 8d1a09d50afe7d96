namespace PmmlEngine.Tests.Backends;

/// <summary>
/// A tree's set of numbers: small whole numbers are tested as bits in the compiled backend, other sets member by member.
/// Either way a value is a member exactly when it equals one, as the interpreter decides.
/// </summary>
public sealed class NumberSetTests
{
    private static string Tree(string members) => Pmml.Document(
        """
        <DataField name="x" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
        $"""
        <TreeModel functionName="regression">
          <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Node score="0"><True/>
            <Node score="1"><SimpleSetPredicate field="x" booleanOperator="isIn"><Array type="real">{members}</Array></SimpleSetPredicate></Node>
            <Node score="2"><True/></Node>
          </Node>
        </TreeModel>
        """);

    [TestCase("3 4 70 4095", 4.0, 1.0)]
    [TestCase("3 4 70 4095", 4095.0, 1.0)]
    [TestCase("3 4 70 4095", 3.5, 2.0)]
    [TestCase("3 4 70 4095", 4.000000000000001, 2.0)]
    [TestCase("3 4 70 4095", 5.0, 2.0)]
    [TestCase("3 4 70 4095", -4.0, 2.0)]
    [TestCase("3 4 70 4095", 4099.0, 2.0)]
    [TestCase("3 4 70 4095", 1e300, 2.0)]
    [TestCase("3 4 70 4095", 2147483647.0, 2.0)]
    [TestCase("3 4 70 4095", double.PositiveInfinity, 2.0)]
    [TestCase("0 1", -0.0, 1.0)]
    [TestCase("0.5 2", 0.5, 1.0)]
    [TestCase("4096 -1", 4096.0, 1.0)]
    [TestCase("4096 -1", -1.0, 1.0)]
    [TestCase("4096 -1", 0.0, 2.0)]
    public void AValueIsAMemberExactlyWhenItEqualsOne(string members, double x, double expected)
    {
        foreach (var evaluator in Pmml.LoadBoth(Tree(members)))
            Assert.That(evaluator.Evaluate(Pmml.Row(("x", x)))["y"], Is.EqualTo(expected), evaluator.Backend.ToString());
    }
}

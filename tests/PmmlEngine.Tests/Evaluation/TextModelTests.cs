namespace PmmlEngine.Tests.Evaluation;

/// <summary>TextModel similarity of a text to a small corpus (tf-idf, cosine normalization), computed in Python.</summary>
[TestFixture]
public sealed class TextModelTests
{
    internal static string Document(string local, string similarity) => Pmml.Document("""
        <DataField name="text" optype="categorical" dataType="string"/>
        """, $"""
        <TextModel functionName="classification" numberOfTerms="4" numberOfDocuments="3">
          <MiningSchema><MiningField name="text"/></MiningSchema>
          <Output>
            <OutputField name="doc" feature="predictedValue" dataType="string"/>
            <OutputField name="name" feature="predictedDisplayValue"/>
            <OutputField name="second" feature="entityId" rank="2"/>
            <OutputField name="toFruit" feature="affinity" value="d1" dataType="double"/>
            <OutputField name="toMixed" feature="affinity" value="d3" dataType="double"/>
          </Output>
          <TextDictionary><Array n="4" type="string">apple banana cherry date</Array></TextDictionary>
          <TextCorpus><TextDocument id="d1" name="fruit"/><TextDocument id="d2" name="tropical"/><TextDocument id="d3" name="mixed"/></TextCorpus>
          <DocumentTermMatrix><Matrix nbRows="3" nbCols="4">
            <Array type="real">2 0 1 0</Array><Array type="real">0 3 0 1</Array><Array type="real">1 0 0 2</Array>
          </Matrix></DocumentTermMatrix>
          <TextModelNormalization localTermWeights="{local}" globalTermWeights="inverseDocumentFrequency" documentNormalization="cosine"/>
          <TextModelSimiliarity similarityType="{similarity}"/>
        </TextModel>
        """);

    // The text counts apple 2, banana 1, cherry 1 (case-insensitively); idf = ln(3/df).
    [TestCase("termFrequency", "cosine", 0.779133971537228, 0.20692969395751204)]
    [TestCase("logarithmic", "cosine", 0.7569990339871457, 0.20395481950570257)]
    [TestCase("termFrequency", "euclidean", 0.664629262766502, 1.2594207446619958)]
    public void RanksTheCorpusBySimilarity(string local, string similarity, double toFruit, double toMixed)
    {
        foreach (var evaluator in Pmml.LoadBoth(Document(local, similarity)))
        {
            var result = evaluator.Evaluate(Pmml.Row(("text", "Apple apple cherry banana")));
            Assert.That((result["doc"], result["name"], result["second"]), Is.EqualTo(("d1", "fruit", "d2")));
            Assert.That((double)result["toFruit"]!, Is.EqualTo(toFruit).Within(1e-14));
            Assert.That((double)result["toMixed"]!, Is.EqualTo(toMixed).Within(1e-14));
            Assert.That(evaluator.Evaluate(Pmml.Row(("text", null)))["doc"], Is.Null);
        }
    }
}

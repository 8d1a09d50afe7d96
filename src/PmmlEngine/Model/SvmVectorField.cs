namespace PmmlEngine.Model;

/// <summary>A VectorFields entry: a field's value, or (CategoricalPredictor) <see cref="Coefficient"/> when the field equals <see cref="Category"/>, else 0.</summary>
public sealed record SvmVectorField(string Field, string? Category, double Coefficient);

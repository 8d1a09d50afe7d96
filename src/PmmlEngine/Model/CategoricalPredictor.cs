using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record CategoricalPredictor(string Field, string Value, double Coefficient);

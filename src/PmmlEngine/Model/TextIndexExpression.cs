using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record TextIndexExpression(
    string TextField,
    Expression Term,
    TextIndexOptions Options,
    ImmutableArray<TextIndexNormalization> Normalizations,
    SourceLocation Location) : Expression(Location);

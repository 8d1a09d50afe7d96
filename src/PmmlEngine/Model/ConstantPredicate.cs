using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>The True and False elements.</summary>
public sealed record ConstantPredicate(bool Value, SourceLocation Location) : Predicate(Location);

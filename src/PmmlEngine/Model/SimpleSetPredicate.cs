using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record SimpleSetPredicate(string Field, bool IsIn, ImmutableArray<string> Values, SourceLocation Location) : Predicate(Location);

using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record CompoundPredicate(BooleanOperator Operator, ImmutableArray<Predicate> Predicates, SourceLocation Location) : Predicate(Location);

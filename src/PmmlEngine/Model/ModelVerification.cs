using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>Records of inputs and expected outputs that a correct engine reproduces.</summary>
public sealed record ModelVerification(ImmutableArray<VerificationField> Fields, InlineTable Table, SourceLocation Location);

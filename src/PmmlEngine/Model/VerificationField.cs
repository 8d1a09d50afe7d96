using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record VerificationField(string Field, string Column, double Precision, double ZeroThreshold);

namespace PmmlEngine.Interop;

/// <summary>What an entry point returns instead of throwing: an exception that crossed into the host would abort its process.</summary>
internal enum Status
{
    Ok = 0,
    InvalidMarkup = -1,
    Evaluation = -2,
    InvalidHandle = -3,
    InvalidArgument = -4,
    Internal = -5,
}

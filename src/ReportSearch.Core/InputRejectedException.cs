namespace ReportSearch.Core;

/// <summary>
/// Input the user can fix: a bad file, an unknown report, a bad option. The message names the problem and the fix;
/// the CLI prints it as one line with exit code 1, the API answers 400/404/413/415 with it.
/// </summary>
public sealed class InputRejectedException(string message, InputRejection kind = InputRejection.Invalid) : Exception(message)
{
    public InputRejection Kind { get; } = kind;
}

/// <summary>Why input was rejected; maps to an HTTP status.</summary>
public enum InputRejection
{
    Invalid,          // 400
    NotFound,         // 404
    TooLarge,         // 413
    UnsupportedType,  // 415
}

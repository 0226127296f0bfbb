namespace SignupForm;

/// <summary>The sign-up form as posted by the page. <see cref="ToString"/> hides the secrets.</summary>
public sealed record SignupRequest(string? LoginId, string? Email, string? Password, string? TradingPin, string? BirthDate)
{
    /// <summary>Describes the request without the password or PIN.</summary>
    public override string ToString() => $"SignupRequest {{ LoginId = {LoginId}, password and PIN hidden }}";
}

/// <summary>The live PIN check's input. <see cref="ToString"/> hides the secrets.</summary>
public sealed record PinCheckRequest(string? TradingPin, string? BirthDate, string? Password)
{
    /// <summary>Describes the request without the password or PIN.</summary>
    public override string ToString() => "PinCheckRequest (PIN and password hidden)";
}

/// <summary>One reason a field was refused.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>The answer to a sign-up or a PIN check: accepted, or every reason it was not.</summary>
public sealed record FormAnswer(bool Ok, string Message, IReadOnlyList<FieldError> Errors);

namespace TakeoverRules.Samples.AspNetCore;

/// <summary>The sign-up form.</summary>
public sealed record RegisterRequest(string UserName, string Email, string Password)
{
    /// <summary>Hides the password.</summary>
    public override string ToString() => $"RegisterRequest ({UserName})";
}

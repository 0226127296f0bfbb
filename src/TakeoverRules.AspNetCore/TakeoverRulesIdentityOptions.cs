namespace TakeoverRules.AspNetCore;

/// <summary>
/// Options of <see cref="TakeoverRulesPasswordValidator{TUser}"/>, set through
/// <see cref="TakeoverRulesIdentityBuilderExtensions.AddTakeoverRulesPasswordValidator"/>.
/// </summary>
/// <remarks>Mutable while configuring; not thread-safe. Read once per validation.</remarks>
public sealed class TakeoverRulesIdentityOptions
{
    /// <summary>
    /// Ask the registered <c>IBreachedPasswordChecker</c> (configure <c>TakeoverRules:Passwords:BreachSource</c>) whether
    /// the password is known to be breached, and refuse it if so. Ignored when no checker is registered. Default <see langword="true"/>.
    /// </summary>
    public bool CheckBreaches { get; set; } = true;

    /// <summary>
    /// Refuse the password when the breach check cannot answer (API down, no fallback file). Default <see langword="false"/>:
    /// an outage of the breach source must not stop every sign-up; the failure is logged as a warning.
    /// </summary>
    public bool RejectWhenBreachCheckUnavailable { get; set; }

    /// <summary>
    /// Turn off ASP.NET Core Identity's built-in composition rules (digit, upper, lower, non-alphanumeric, 6 characters),
    /// which NIST SP 800-63B rev. 4 forbids, so the TakeoverRules policy alone decides. Default <see langword="true"/>.
    /// </summary>
    public bool ReplaceIdentityCompositionRules { get; set; } = true;

    /// <summary>The longest the breach check may take inside one validation, on top of the request being aborted. Default 5 seconds.</summary>
    public TimeSpan BreachCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

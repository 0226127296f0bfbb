using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TakeoverRules.Passwords;

namespace TakeoverRules.AspNetCore;

/// <summary>
/// An ASP.NET Core Identity password validator backed by the TakeoverRules <see cref="PasswordPolicyChecker"/>: the
/// configured policy (NIST SP 800-63B by default), the embedded blocklist, the service's context words and the user's
/// own name and e-mail address as context words, and optionally the registered breach check. Each violation is one
/// <see cref="IdentityError"/> whose <see cref="IdentityError.Code"/> is <c>TakeoverRules.</c> plus the violation code and
/// whose description is Japanese for a <c>ja</c> UI culture, English otherwise. Never logs or returns the password.
/// </summary>
/// <typeparam name="TUser">The Identity user type.</typeparam>
/// <remarks>Thread-safe; registered as scoped by <see cref="TakeoverRulesIdentityBuilderExtensions.AddTakeoverRulesPasswordValidator"/>.</remarks>
public sealed partial class TakeoverRulesPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    /// <summary>The <see cref="IdentityError.Code"/> of a password found in the breach corpus.</summary>
    public const string BreachedCode = "TakeoverRules.Breached";

    /// <summary>The <see cref="IdentityError.Code"/> of a breach check that could not answer (only with <see cref="TakeoverRulesIdentityOptions.RejectWhenBreachCheckUnavailable"/>).</summary>
    public const string BreachCheckUnavailableCode = "TakeoverRules.BreachCheckUnavailable";

    private readonly PasswordPolicyChecker _checker;
    private readonly IBreachedPasswordChecker? _breaches;
    private readonly TakeoverRulesIdentityOptions _options;
    private readonly IHttpContextAccessor? _http;
    private readonly ILogger _logger;

    /// <summary>Creates the validator; resolved from the container.</summary>
    /// <param name="checker">The policy checker registered by <c>AddTakeoverRules</c>.</param>
    /// <param name="options">The validator's options.</param>
    /// <param name="logger">Logs breach-check outages (never the password).</param>
    /// <param name="breaches">The breach checker, when a breach source is configured.</param>
    /// <param name="http">Supplies the request's abort token to the breach check, when registered.</param>
    public TakeoverRulesPasswordValidator(
        PasswordPolicyChecker checker,
        IOptions<TakeoverRulesIdentityOptions> options,
        ILogger<TakeoverRulesPasswordValidator<TUser>> logger,
        IBreachedPasswordChecker? breaches = null,
        IHttpContextAccessor? http = null)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _checker = checker;
        _options = options.Value;
        _logger = logger;
        _breaches = breaches;
        _http = http;
    }

    /// <inheritdoc />
    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        password ??= "";

        var words = new List<string>(3);
        if (await manager.GetUserNameAsync(user).ConfigureAwait(false) is { Length: > 0 } name) words.Add(name);
        if (manager.SupportsUserEmail && await manager.GetEmailAsync(user).ConfigureAwait(false) is { Length: > 0 } email)
        {
            words.Add(email);
            var at = email.IndexOf('@', StringComparison.Ordinal);
            if (at > 0) words.Add(email[..at]);
        }

        var culture = CultureInfo.CurrentUICulture;
        var errors = _checker.Check(password, words).Violations
            .Select(v => new IdentityError { Code = "TakeoverRules." + v.Code, Description = v.GetMessage(culture) })
            .ToList();
        if (errors.Count == 0 && _options.CheckBreaches && _breaches is not null)
        {
            var breach = await CheckBreachAsync(password).ConfigureAwait(false);
            if (breach.IsBreached)
            {
                errors.Add(new IdentityError { Code = BreachedCode, Description = Text.Breached(culture) });
            }
            else if (breach.Status == BreachStatus.Unavailable)
            {
                BreachCheckUnavailable(_logger, breach.Failure);
                if (_options.RejectWhenBreachCheckUnavailable) errors.Add(new IdentityError { Code = BreachCheckUnavailableCode, Description = Text.Unavailable(culture) });
            }
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task<BreachCheckResult> CheckBreachAsync(string password)
    {
        // IPasswordValidator has no CancellationToken: the request's abort token and a timeout of our own stand in.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_http?.HttpContext?.RequestAborted ?? CancellationToken.None);
        timeout.CancelAfter(_options.BreachCheckTimeout);
        try
        {
            return await _breaches!.CheckAsync(password, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return BreachCheckResult.Unavailable(BreachCheckFailure.Timeout, "validation timed out or the request was aborted");
        }
    }

    [LoggerMessage(EventId = 4001, EventName = "BreachCheckUnavailable", Level = LogLevel.Warning, Message = "Password validation: the breach check could not answer ({Failure}); the password was judged by the policy alone")]
    private static partial void BreachCheckUnavailable(ILogger logger, BreachCheckFailure failure);
}

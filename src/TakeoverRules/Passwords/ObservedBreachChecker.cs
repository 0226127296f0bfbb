using System.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace TakeoverRules.Passwords;

/// <summary>
/// The <see cref="IBreachedPasswordChecker"/> that <c>AddTakeoverRules</c> registers: the configured source, traced and
/// measured, with the resilience pipeline's rejections turned into <see cref="BreachStatus.Unavailable"/> results and,
/// when <see cref="PasswordOptions.PwnedPasswordsFile"/> is set next to the API source, the local hash file asked
/// whenever the API cannot answer. Thread-safe; disposes the hash file with the container.
/// </summary>
internal sealed class ObservedBreachChecker : IBreachedPasswordChecker, IDisposable
{
    private readonly IBreachedPasswordChecker _primary;
    private readonly PwnedPasswordsHashFile? _fallback;
    private readonly PasswordTelemetry _telemetry;
    private readonly string _source;

    public ObservedBreachChecker(IBreachedPasswordChecker primary, PwnedPasswordsHashFile? fallback, PasswordTelemetry telemetry, string source)
    {
        _primary = primary;
        _fallback = fallback;
        _telemetry = telemetry;
        _source = source;
    }

    public async ValueTask<BreachCheckResult> CheckAsync(string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        using var activity = PasswordTelemetry.Source.StartActivity("takeoverrules.breach_check", ActivityKind.Client);
        activity?.SetTag("takeoverrules.breach_check.source", _source);
        var start = _telemetry.StartBreachCheck();
        BreachCheckResult result;
        try
        {
            result = await _primary.CheckAsync(password, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            result = BreachCheckResult.Unavailable(BreachCheckFailure.Timeout, "an attempt timed out in the resilience pipeline");
        }
        catch (BrokenCircuitException)
        {
            result = BreachCheckResult.Unavailable(BreachCheckFailure.NetworkError, "circuit open after repeated failures");
        }
        catch (ExecutionRejectedException ex)
        {
            result = BreachCheckResult.Unavailable(BreachCheckFailure.NetworkError, ex.GetType().Name);
        }

        if (result.Status == BreachStatus.Unavailable && _fallback is not null)
        {
            _telemetry.FallingBack(result, _fallback.Path);
            activity?.SetTag("takeoverrules.breach_check.fallback", true);
            result = _fallback.Check(password);
        }

        _telemetry.BreachChecked(result, start, _source);
        if (activity is not null)
        {
            activity.SetTag("takeoverrules.breach_check.outcome", result.Status.ToString());
            if (result.Status == BreachStatus.Unavailable) activity.SetStatus(ActivityStatusCode.Error, result.Failure.ToString());
        }

        return result;
    }

    public void Dispose()
    {
        (_primary as IDisposable)?.Dispose();
        _fallback?.Dispose();
    }

    public override string ToString() => _fallback is null ? _primary.ToString()! : $"{_primary} with offline fallback {_fallback}";
}

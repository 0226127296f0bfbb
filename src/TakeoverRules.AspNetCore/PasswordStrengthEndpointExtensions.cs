using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TakeoverRules.Passwords;

namespace TakeoverRules.AspNetCore;

/// <summary>Maps the live password-strength endpoint for sign-up and change-password forms.</summary>
public static class PasswordStrengthEndpointExtensions
{
    private const int MaxUserInputs = 10;

    private static readonly string[] ScoreNames = ["very_weak", "weak", "fair", "strong", "very_strong"];

    /// <summary>
    /// Maps <c>POST {pattern}</c>: the body is a <see cref="PasswordStrengthRequest"/> (JSON, at most
    /// <see cref="PasswordStrengthEndpointOptions.MaxBodyBytes"/>), the answer a <see cref="PasswordStrengthResponse"/>
    /// in Japanese when the first <c>Accept-Language</c> is Japanese and English otherwise, with <c>Cache-Control: no-store</c>.
    /// The password is read from the body only (a query string is refused with 400 so it never lands in access logs),
    /// the body is never logged, and each client address is rate-limited with ASP.NET Core's rate limiter
    /// (<see cref="PasswordStrengthEndpointOptions.PermitLimit"/> per window; 429 beyond). Needs <c>AddTakeoverRules</c>.
    /// </summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="pattern">The route. Default <c>/password-strength</c>.</param>
    /// <param name="configure">Optional changes to the endpoint's options.</param>
    /// <returns>The endpoint's convention builder (add authorization, CORS or metadata to it).</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; every problem is listed.</exception>
    public static IEndpointConventionBuilder MapPasswordStrength(this IEndpointRouteBuilder endpoints, string pattern = "/password-strength", Action<PasswordStrengthEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var options = new PasswordStrengthEndpointOptions();
        configure?.Invoke(options);
        var validation = new PasswordStrengthEndpointOptionsValidator().Validate(null, options);
        if (validation.Failed) throw new Microsoft.Extensions.Options.OptionsValidationException(nameof(PasswordStrengthEndpointOptions), typeof(PasswordStrengthEndpointOptions), validation.Failures);

        var limiter = options.RateLimiterPolicy is null
            ? PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = TimeSpan.FromSeconds(options.RateLimitWindowSeconds), QueueLimit = 0 }))
            : null;
        var maxBody = options.MaxBodyBytes;

        var builder = endpoints.MapPost(pattern, context => HandleAsync(context, limiter, maxBody))
            .WithDisplayName("TakeoverRules password strength");
        if (options.RateLimiterPolicy is { } policy) builder.RequireRateLimiting(policy);
        return builder;
    }

    private static async Task HandleAsync(HttpContext context, PartitionedRateLimiter<HttpContext>? limiter, int maxBody)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        using var lease = limiter?.AttemptAcquire(context);
        if (lease is { IsAcquired: false })
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            {
                response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return;
        }

        var request = context.Request;
        if (request.QueryString.HasValue)
        {
            await Problem(context, HttpStatusCode.BadRequest, "send the password in the POST body, never in the URL").ConfigureAwait(false);
            return;
        }

        if (!request.HasJsonContentType())
        {
            await Problem(context, HttpStatusCode.UnsupportedMediaType, "the body must be application/json").ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > maxBody)
        {
            await Problem(context, HttpStatusCode.RequestEntityTooLarge, $"the body must be at most {maxBody} bytes").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(request.Body, maxBody, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await Problem(context, HttpStatusCode.RequestEntityTooLarge, $"the body must be at most {maxBody} bytes").ConfigureAwait(false);
            return;
        }

        PasswordStrengthRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(body, PasswordStrengthJsonContext.Default.PasswordStrengthRequest);
        }
        catch (JsonException)
        {
            // The exception's message may quote the body: never pass it on.
            parsed = null;
        }

        if (parsed?.Password is not { } password || parsed.UserInputs is { Count: > MaxUserInputs })
        {
            await Problem(context, HttpStatusCode.BadRequest, $"expected {{\"password\": \"...\", \"userInputs\": [at most {MaxUserInputs}]}}").ConfigureAwait(false);
            return;
        }

        var services = context.RequestServices;
        var culture = IsJapanese(request) ? CultureInfo.GetCultureInfo("ja-JP") : CultureInfo.GetCultureInfo("en");
        var userInputs = parsed.UserInputs?.Where(s => !string.IsNullOrEmpty(s)).ToList();
        var estimate = services.GetRequiredService<PasswordStrengthEstimator>().Estimate(password, userInputs);
        var policy = services.GetRequiredService<PasswordPolicyChecker>().Check(password, estimate, userInputs);
        var answer = new PasswordStrengthResponse
        {
            Score = (int)estimate.Score,
            ScoreName = ScoreNames[(int)estimate.Score],
            GuessesLog10 = Math.Round(estimate.GuessesLog10, 2),
            Warning = estimate.Feedback.Warning == PasswordWarning.None ? "" : estimate.Feedback.GetWarningText(culture),
            Suggestions = estimate.Feedback.GetSuggestionTexts(culture),
            Compliant = policy.IsCompliant,
            Violations = [.. policy.Violations.Select(v => new PasswordStrengthViolation(v.Code.ToString(), v.GetMessage(culture)))],
        };
        await Results.Json(answer, PasswordStrengthJsonContext.Default.PasswordStrengthResponse).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The browser's most preferred language (highest q, first on a tie) decides, by the library's one rule.</summary>
    private static bool IsJapanese(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(tag => tag.Quality is not 0)
            .OrderByDescending(tag => tag.Quality ?? 1)
            .FirstOrDefault();
        return TextLanguage.IsJapanese(preferred?.Value.Value);
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        var buffer = new byte[max + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0) filled += read;
        return filled > max ? null : buffer.AsSpan(0, filled).ToArray();
    }

    private static Task Problem(HttpContext context, HttpStatusCode status, string detail) =>
        Results.Problem(detail: detail, statusCode: (int)status).ExecuteAsync(context);
}

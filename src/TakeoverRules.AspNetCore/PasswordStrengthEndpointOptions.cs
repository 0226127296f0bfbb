using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TakeoverRules.AspNetCore;

/// <summary>Options of the endpoint mapped by <see cref="PasswordStrengthEndpointExtensions.MapPasswordStrength"/>.</summary>
/// <remarks>Mutable while configuring; validated (source-generated validator) when the endpoint is mapped.</remarks>
public sealed class PasswordStrengthEndpointOptions
{
    /// <summary>Requests one client address may make per <see cref="RateLimitWindowSeconds"/>. Default 30; 1 to 10,000.</summary>
    [Range(1, 10_000)]
    public int PermitLimit { get; set; } = 30;

    /// <summary>The rate limiter's fixed window, in seconds. Default 60; 1 to 3,600.</summary>
    [Range(1, 3600)]
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>
    /// The name of a rate-limiter policy the host registered with <c>AddRateLimiter</c> (and <c>UseRateLimiter</c>) to use
    /// instead of the built-in per-address limiter. Default <see langword="null"/>: the built-in limiter, which needs no middleware.
    /// </summary>
    public string? RateLimiterPolicy { get; set; }

    /// <summary>The largest request body read, in bytes; larger bodies get 413. Default 4096; 256 to 65,536.</summary>
    [Range(256, 65_536)]
    public int MaxBodyBytes { get; set; } = 4096;
}

/// <summary>The source-generated (AOT-safe) validator of <see cref="PasswordStrengthEndpointOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class PasswordStrengthEndpointOptionsValidator : IValidateOptions<PasswordStrengthEndpointOptions>;

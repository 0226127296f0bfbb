using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TakeoverRules.AspNetCore;

/// <summary>Adds the TakeoverRules password validator to ASP.NET Core Identity.</summary>
public static class TakeoverRulesIdentityBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="TakeoverRulesPasswordValidator{TUser}"/> for the builder's user type. Call <c>AddTakeoverRules</c>
    /// as well (it registers the policy checker and the breach source). Unless
    /// <see cref="TakeoverRulesIdentityOptions.ReplaceIdentityCompositionRules"/> is turned off, Identity's own
    /// composition and length rules are relaxed so the TakeoverRules policy alone decides.
    /// </summary>
    /// <param name="builder">The Identity builder from <c>AddIdentity</c>, <c>AddIdentityCore</c> or <c>AddDefaultIdentity</c>.</param>
    /// <param name="configure">Optional changes to the validator's options.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IdentityBuilder AddTakeoverRulesPasswordValidator(this IdentityBuilder builder, Action<TakeoverRulesIdentityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<TakeoverRulesIdentityOptions>();
        if (configure is not null) options.Configure(configure);
        services.AddHttpContextAccessor();

        // Identity resolves validators as IPasswordValidator<TUser>; the user type is known only at run time here,
        // as in Identity's own AddPasswordValidator<T>.
        var validator = typeof(TakeoverRulesPasswordValidator<>).MakeGenericType(builder.UserType);
        services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPasswordValidator<>).MakeGenericType(builder.UserType), validator));

        services.AddOptions<IdentityOptions>().Configure<Microsoft.Extensions.Options.IOptions<TakeoverRulesIdentityOptions>>((identity, ours) =>
        {
            if (!ours.Value.ReplaceIdentityCompositionRules) return;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 1;
            identity.Password.RequiredLength = 1;
        });
        return builder;
    }
}

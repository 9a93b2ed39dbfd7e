using Microsoft.AspNetCore.Identity;

namespace PublicitySite.Users;

/// <summary>A person who signs in to the admin or owns API tokens.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }
}

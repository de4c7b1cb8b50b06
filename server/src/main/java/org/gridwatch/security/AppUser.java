package org.gridwatch.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A login account: a BCrypt password hash and its roles. */
@Entity
@Table(name = "app_user")
class AppUser {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
  @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String username;

  @Column(nullable = false, length = 100)
  private String passwordHash;

  @Column(nullable = false)
  private String displayName;

  private boolean enabled;

  @Column(nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  protected AppUser() {}

  AppUser(String username, String passwordHash, String displayName, Set<Role> roles) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.enabled = true;
    this.createdAt = Instant.now();
    this.roles = EnumSet.copyOf(roles);
  }

  String getUsername() { return username; }
  String getPasswordHash() { return passwordHash; }
  String getDisplayName() { return displayName; }
  boolean isEnabled() { return enabled; }
  Set<Role> getRoles() { return roles; }

  void changePasswordHash(String hash) { this.passwordHash = hash; }
}

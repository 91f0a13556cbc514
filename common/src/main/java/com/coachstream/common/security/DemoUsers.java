package com.coachstream.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a users file (only hashes in it) for users whose secrets the caller holds: the demo's users, and
 * the users of tests. Each user's secret is both their password and an API token.
 */
public final class DemoUsers {

  /** A user and the secret that signs them in (as a password or as {@code Authorization: Bearer <secret>}). */
  public record User(String id, String secret, Set<Role> roles, Set<String> teams, String agentId) {
    public static User of(String id, String secret, Role role, Set<String> teams, String agentId) {
      return new User(id, secret, EnumSet.of(role), teams, agentId);
    }

    public String bearer() {
      return "Bearer " + secret;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoUsers() { }

  /** A random secret of 20 characters (letters and digits). */
  public static String randomSecret() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder secret = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      secret.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return secret.toString();
  }

  /** Writes {@code users} to {@code file} as a users file (bcrypt password hashes, sha256 token hashes). */
  public static Path write(Path file, List<User> users) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (User user : users) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", user.id());
      entry.put("passwordHash", UsersFile.passwordHash(user.secret()));
      entry.put("tokenHashes", List.of(UsersFile.tokenHash(user.secret())));
      entry.put("roles", user.roles().stream().map(Role::label).toList());
      entry.put("teams", List.copyOf(user.teams()));
      entry.put("agentId", user.agentId());
      entries.add(entry);
    }
    try {
      Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(Map.of("users", entries)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write users file " + file, e);
    }
  }
}

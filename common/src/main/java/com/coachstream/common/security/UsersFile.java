package com.coachstream.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The self-hosted users: a JSON file {@code {"users": [{"id", "passwordHash", "tokenHashes", "roles", "teams",
 * "agentId"}]}} where a password is stored only as a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}) and an
 * API token only as {@code sha256:<hex>} of the token (tokens are long random strings, so a fast hash is enough;
 * passwords are not, so they get bcrypt). Nothing in the file is a secret in plain text.
 */
public final class UsersFile {

  /** Compared against when the user is unknown, so an unknown name costs as much time as a wrong password. */
  private static final String DUMMY_HASH = BCrypt.hashpw("no such user", BCrypt.gensalt(10));
  private static final String TOKEN_PREFIX = "sha256:";

  private record User(Principal principal, String passwordHash, List<byte[]> tokenHashes) { }

  private final Map<String, User> users;

  private UsersFile(Map<String, User> users) {
    this.users = users;
  }

  public static UsersFile empty() {
    return new UsersFile(Map.of());
  }

  /** Reads a users file; a malformed entry is an {@link IllegalArgumentException} naming it (never its hashes). */
  public static UsersFile load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read users file " + file + ": " + e.getMessage(), e);
    }
  }

  public static UsersFile parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("users file is not JSON: " + e.getMessage(), e);
    }
    Map<String, User> users = new LinkedHashMap<>();
    for (JsonNode node : root.path("users")) {
      User user = user(node);
      if (users.putIfAbsent(user.principal().userId(), user) != null) {
        throw new IllegalArgumentException("users file names user " + user.principal().userId() + " twice");
      }
    }
    return new UsersFile(Map.copyOf(users));
  }

  /** The user whose password is {@code password}; empty for an unknown user or a wrong password. */
  public Optional<Principal> byPassword(String userId, String password) {
    User user = userId == null ? null : users.get(userId);
    String hash = user == null || user.passwordHash() == null ? DUMMY_HASH : user.passwordHash();
    boolean matches = password != null && BCrypt.checkpw(password, hash.replaceFirst("^\\$2y\\$", "\\$2a\\$"));
    return matches && user != null && user.passwordHash() != null ? Optional.of(user.principal()) : Optional.empty();
  }

  /** The user holding API token {@code token}; empty when no user holds it. */
  public Optional<Principal> byToken(String token) {
    byte[] hash = sha256(token);
    Principal found = null;
    for (User user : users.values()) {
      for (byte[] candidate : user.tokenHashes()) {
        if (MessageDigest.isEqual(candidate, hash)) {
          found = user.principal();
        }
      }
    }
    return Optional.ofNullable(found);
  }

  public boolean isEmpty() {
    return users.isEmpty();
  }

  /** The hash to put in a users file for an API token: {@code sha256:<hex>}. */
  public static String tokenHash(String token) {
    return TOKEN_PREFIX + HexFormat.of().formatHex(sha256(token));
  }

  /** The hash to put in a users file for a password (bcrypt, cost 10). */
  public static String passwordHash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(10));
  }

  private static User user(JsonNode node) {
    String id = node.path("id").asText("");
    if (id.isBlank()) {
      throw new IllegalArgumentException("users file: an entry has no \"id\"");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (JsonNode role : node.path("roles")) {
      roles.add(Role.of(role.asText()).orElseThrow(() -> new IllegalArgumentException(
          "users file: user " + id + " has unknown role '" + role.asText() + "'")));
    }
    Set<String> teams = new LinkedHashSet<>();
    node.path("teams").forEach(t -> teams.add(t.asText()));
    String agentId = node.hasNonNull("agentId") ? node.get("agentId").asText() : null;
    String passwordHash = node.hasNonNull("passwordHash") ? node.get("passwordHash").asText() : null;
    if (passwordHash != null && !passwordHash.matches("\\$2[aby]\\$\\d\\d\\$.{53}")) {
      throw new IllegalArgumentException("users file: user " + id + " has a passwordHash that is not a bcrypt hash");
    }
    List<byte[]> tokens = new ArrayList<>();
    for (JsonNode token : node.path("tokenHashes")) {
      String text = token.asText();
      if (!text.matches(TOKEN_PREFIX + "[0-9a-f]{64}")) {
        throw new IllegalArgumentException("users file: user " + id + " has a token hash that is not sha256:<64 hex>");
      }
      tokens.add(HexFormat.of().parseHex(text.substring(TOKEN_PREFIX.length())));
    }
    return new User(new Principal(id, roles, teams, agentId), passwordHash, List.copyOf(tokens));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

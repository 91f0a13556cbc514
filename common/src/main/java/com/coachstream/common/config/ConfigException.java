package com.coachstream.common.config;

/** A configuration value that is missing or wrong, with a message naming the key and what is expected. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}

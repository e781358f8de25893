package dev.propsops.sport;

/** The sports the platform serves; names are lowercase as on the command line (--sport nba). */
public enum Sport {
    nba,
    mlb
}

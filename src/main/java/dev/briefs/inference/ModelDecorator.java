package dev.briefs.inference;

/**
 * Wraps each generation model as it is loaded. The job uses none; tests use one to make chosen
 * calls fail, transiently or for good, through the real job.
 */
@FunctionalInterface
public interface ModelDecorator {

    ModelDecorator NONE = (name, model) -> model;

    TextGenerator decorate(String name, TextGenerator model);
}

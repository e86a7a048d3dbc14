package dev.yubin.http;

package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	r.POST("/orders", func(c *gin.Context) {
		if exists(c.PostForm("sku")) {
			c.JSON(409, gin.H{"error": "order exists"})
			return
		}
		c.Header("Location", "/orders/1")
		c.JSON(http.StatusCreated, gin.H{"id": 1})
	})
	r.Run(":8080")
}
